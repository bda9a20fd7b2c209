import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { PLUGIN_ID, UID } from '../../../shared/constants';
import type { SubjectCategoryTreeResponse } from '../../../shared/types';
import { useFetched } from '../utils/use-fetched';
import { usePluginT } from '../utils/use-plugin-t';

const CONTENT_LINKS = [
  { uid: UID.organization, label: 'overview.organizations' },
  { uid: UID.column, label: 'overview.columns' },
  { uid: UID.catalogEntry, label: 'overview.entries' },
  { uid: UID.annualReport, label: 'overview.reports' },
];

export const OverviewPage = () => {
  const { locale } = useIntl();
  const t = usePluginT();
  const { result: subjects } = useFetched(`/${PLUGIN_ID}/subject-categories`, (response: SubjectCategoryTreeResponse) => response.data);

  const english = locale.startsWith('en');

  return (
    <Page.Main>
      <Page.Title>{t('overview.title')}</Page.Title>
      <Layouts.Header title={t('overview.title')} subtitle={t('overview.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">
              {t('overview.content')}
            </Typography>
            <Flex tag="ul" direction="column" alignItems="flex-start" gap={2} paddingTop={4}>
              {CONTENT_LINKS.map((l) => (
                <li key={l.uid}>
                  <Link to={`/content-manager/collection-types/${l.uid}`}>{t(l.label)}</Link>
                </li>
              ))}
              <li>
                <Link to={`/plugins/${PLUGIN_ID}/catalog`}>{t('catalog.title')}</Link>
              </li>
              <li>
                <Link to={`/plugins/${PLUGIN_ID}/applications`}>{t('applications.list.title')}</Link>
              </li>
              <li>
                <Link to={`/plugins/${PLUGIN_ID}/working-calendar`}>{t('calendar.title')}</Link>
              </li>
            </Flex>
          </Box>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">
              {t('overview.subjects')}
            </Typography>
            <Box paddingTop={4}>
              {subjects.state === 'loading' && <Typography>{t('overview.subjects.loading')}</Typography>}
              {subjects.state === 'error' && <Typography textColor="danger600">{t('overview.subjects.error', { message: subjects.message })}</Typography>}
              {subjects.state === 'done' && (
                <>
                  <Typography>
                    {t('overview.subjects.count', {
                      top: subjects.data.length,
                      leaves: subjects.data.reduce((n, c) => n + c.children.length, 0),
                    })}
                  </Typography>
                  <Box tag="ol" paddingTop={2}>
                    {subjects.data.map((top) => (
                      <li key={top.code}>
                        <Typography fontWeight="bold">
                          {top.code} {english ? top.nameEn : top.name}
                        </Typography>
                        {top.children.length > 0 && (
                          <Typography variant="pi" textColor="neutral600">
                            {' '}
                            — {top.children.map((c) => (english ? c.nameEn : c.name)).join(english ? ', ' : '、')}
                          </Typography>
                        )}
                      </li>
                    ))}
                  </Box>
                </>
              )}
            </Box>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default OverviewPage;
