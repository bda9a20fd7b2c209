import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID, UID } from '../../../shared/constants';
import type { SubjectCategoryTreeNode, SubjectCategoryTreeResponse } from '../../../shared/types';
import { getTranslation } from '../utils/get-translation';

const CONTENT_LINKS = [
  { uid: UID.organization, label: 'overview.organizations' },
  { uid: UID.column, label: 'overview.columns' },
  { uid: UID.catalogEntry, label: 'overview.entries' },
  { uid: UID.annualReport, label: 'overview.reports' },
];

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; tree: SubjectCategoryTreeNode[] };

export const OverviewPage = () => {
  const { formatMessage, locale } = useIntl();
  const { get } = useFetchClient();
  const [subjects, setSubjects] = useState<Load>({ state: 'loading' });
  const t = (id: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage: id }, values);

  useEffect(() => {
    let live = true;
    get<SubjectCategoryTreeResponse>(`/${PLUGIN_ID}/subject-categories`)
      .then(({ data }) => live && setSubjects({ state: 'done', tree: data.data }))
      .catch((e: Error) => live && setSubjects({ state: 'error', message: e.message }));
    return () => {
      live = false;
    };
  }, [get]);

  const english = locale.startsWith('en');

  return (
    <Page.Main>
      <Page.Title>{t('overview.title')}</Page.Title>
      <Layouts.Header title={t('overview.title')} subtitle={t('overview.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">{t('overview.content')}</Typography>
            <Flex tag="ul" direction="column" alignItems="flex-start" gap={2} paddingTop={4}>
              {CONTENT_LINKS.map((l) => (
                <li key={l.uid}>
                  <Link to={`/content-manager/collection-types/${l.uid}`}>{t(l.label)}</Link>
                </li>
              ))}
              <li>
                <Link to={`/plugins/${PLUGIN_ID}/catalog`}>{t('catalog.title')}</Link>
              </li>
            </Flex>
          </Box>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">{t('overview.subjects')}</Typography>
            <Box paddingTop={4}>
              {subjects.state === 'loading' && <Typography>{t('overview.subjects.loading')}</Typography>}
              {subjects.state === 'error' && <Typography textColor="danger600">{t('overview.subjects.error', { message: subjects.message })}</Typography>}
              {subjects.state === 'done' && (
                <>
                  <Typography>
                    {t('overview.subjects.count', {
                      top: subjects.tree.length,
                      leaves: subjects.tree.reduce((n, c) => n + c.children.length, 0),
                    })}
                  </Typography>
                  <Box tag="ol" paddingTop={2}>
                    {subjects.tree.map((top) => (
                      <li key={top.code}>
                        <Typography fontWeight="bold">{top.code} {english ? top.nameEn : top.name}</Typography>
                        {top.children.length > 0 && (
                          <Typography variant="pi" textColor="neutral600">
                            {' '}— {top.children.map((c) => (english ? c.nameEn : c.name)).join(english ? ', ' : '、')}
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
