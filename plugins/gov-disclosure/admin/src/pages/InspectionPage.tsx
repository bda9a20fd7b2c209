import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { PLUGIN_ID, UID } from '../../../shared/constants';
import type { InspectedOrganization, InspectionReport, InspectionResponse } from '../../../shared/types';
import { ColumnUpdateTable } from '../components/ColumnUpdateParts';
import { useFetched } from '../utils/use-fetched';
import { usePluginT } from '../utils/use-plugin-t';

const Card = ({ children, testId }: { children: React.ReactNode; testId?: string }) => (
  <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius data-testid={testId}>
    {children}
  </Box>
);

const Verdict = ({ fails }: { fails: boolean }) => {
  const t = usePluginT();
  return fails ? (
    <Badge backgroundColor="danger100" textColor="danger700">
      {t('inspection.fails')}
    </Badge>
  ) : (
    <Badge backgroundColor="success100" textColor="success700">
      {t('inspection.passes')}
    </Badge>
  );
};

const HomePage = ({ home }: { home: InspectionReport['homePage'] }) => {
  const t = usePluginT();
  return (
    <Card testId="inspection-home">
      <Flex justifyContent="space-between">
        <Typography variant="delta" tag="h2">
          {home.lastPublished
            ? t('inspection.home', { date: home.lastPublished, days: home.daysSince ?? 0, limit: home.limitDays })
            : t('inspection.home.never', { limit: home.limitDays })}
        </Typography>
        <Verdict fails={home.fails} />
      </Flex>
    </Card>
  );
};

const Organization = ({ org }: { org: InspectedOrganization }) => {
  const t = usePluginT();
  const counted = org.vetoes.filter((v) => v.id !== 'home-page');
  return (
    <Card testId="inspection-organization">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="beta" tag="h2">
          {org.name || t('inspection.noOrganization')}
        </Typography>
        <Typography textColor="neutral600">{t('inspection.checked', { count: org.columnCount })}</Typography>
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
          {counted.map((v) => (
            <Flex tag="li" key={v.id} justifyContent="space-between" data-testid={`veto-${v.id}`}>
              <Typography>{t(`inspection.veto.${v.id}`, { count: v.count ?? 0, threshold: v.threshold })}</Typography>
              <Verdict fails={v.fails} />
            </Flex>
          ))}
        </Flex>
        {org.columns.length === 0 ? (
          <Typography>{t('inspection.columns.none')}</Typography>
        ) : (
          <>
            <Typography variant="delta" tag="h3">
              {t('inspection.columns.title', { count: org.columns.length })}
            </Typography>
            <ColumnUpdateTable columns={org.columns} />
          </>
        )}
        {org.brokenLinks.length > 0 && (
          <Box data-testid="inspection-broken-links">
            <Typography variant="delta" tag="h3">
              {t('inspection.brokenLinks.title', { count: org.brokenLinks.length })}
            </Typography>
            <Flex tag="ul" direction="column" alignItems="flex-start" gap={1} paddingTop={2}>
              {org.brokenLinks.map((b) => (
                <li key={`${b.holder.documentId}:${b.href}`}>
                  <Link to={`/content-manager/collection-types/${UID.catalogEntry}/${b.holder.documentId}?plugins[i18n][locale]=zh-Hans`}>
                    {b.holder.title}
                  </Link>
                  <Typography textColor="neutral600"> {t(`inspection.brokenLinks.${b.kind}`, { href: b.href })}</Typography>
                </li>
              ))}
            </Flex>
          </Box>
        )}
        {org.undated.count > 0 && (
          <Box data-testid="inspection-undated">
            <Typography variant="delta" tag="h3">
              {t('inspection.undated.title', { count: org.undated.count })}
            </Typography>
            <Flex tag="ul" direction="column" alignItems="flex-start" gap={1} paddingTop={2}>
              {org.undated.items.map((i) => (
                <li key={i.documentId}>
                  <Link to={`/content-manager/collection-types/${UID.catalogEntry}/${i.documentId}?plugins[i18n][locale]=zh-Hans`}>{i.title}</Link>
                </li>
              ))}
            </Flex>
          </Box>
        )}
      </Flex>
    </Card>
  );
};

/** 网站检查: the site against the inspection's single-veto items, before an inspector finds them. */
export const InspectionPage = () => {
  const t = usePluginT();
  const { result } = useFetched(`/${PLUGIN_ID}/inspection`, (response: InspectionResponse) => response.data);
  return (
    <Page.Main>
      <Page.Title>{t('inspection.title')}</Page.Title>
      <Layouts.Header title={t('inspection.title')} subtitle={t('inspection.subtitle')} />
      <Layouts.Content>
        {result.state === 'loading' && <Page.Loading />}
        {result.state === 'error' && <Typography textColor="danger600">{result.message}</Typography>}
        {result.state === 'done' && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Typography textColor="neutral600">{t('inspection.asOf', { today: result.data.today })}</Typography>
            <HomePage home={result.data.homePage} />
            {result.data.organizations.map((org) => (
              <Organization key={org.documentId ?? 'none'} org={org} />
            ))}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default InspectionPage;
