import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { PLUGIN_ID, UID } from '../../../shared/constants';
import { STATE_LABELS, type WorkflowState } from '../../../shared/domain/workflow';
import type { OverviewCounts, WorkflowOverview, WorkflowOverviewResponse } from '../../../shared/types';
import { DueApplications } from '../components/DueApplications';
import { useFetched } from '../utils/use-fetched';
import { usePluginT } from '../utils/use-plugin-t';

/** The states the office acts on or watches, in the order of the chain. */
const COLUMNS: WorkflowState[] = ['draft', 'returned', 'pending_review', 'pending_publish', 'published', 'withdrawn'];

const TYPE_LABEL: Record<string, string> = { [UID.catalogEntry]: 'overview.entries', [UID.annualReport]: 'overview.reports' };

/** The content manager's list of one type, narrowed to one state. */
const listOf = (uid: string, state: WorkflowState) => `/content-manager/collection-types/${uid}?page=1&filters[$and][0][workflowState][$eq]=${state}`;

const WORK_LINKS = [
  { to: `/content-manager/collection-types/${UID.catalogEntry}`, label: 'overview.entries' },
  { to: `/content-manager/collection-types/${UID.annualReport}`, label: 'overview.reports' },
  { to: `/content-manager/collection-types/${UID.column}`, label: 'overview.columns' },
  { to: `/content-manager/collection-types/${UID.organization}`, label: 'overview.organizations' },
  { to: `/plugins/${PLUGIN_ID}/applications`, label: 'applications.list.title' },
  { to: `/plugins/${PLUGIN_ID}/catalog`, label: 'catalog.title' },
  { to: `/plugins/${PLUGIN_ID}/working-calendar`, label: 'calendar.title' },
];

const Card = ({ children, testId }: { children: React.ReactNode; testId?: string }) => (
  <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius data-testid={testId}>
    {children}
  </Box>
);

const ChainTable = ({ types, month }: { types: OverviewCounts[]; month: string }) => {
  const t = usePluginT();
  const { locale } = useIntl();
  const english = locale.startsWith('en');
  return (
    <Table colCount={COLUMNS.length + 3} rowCount={types.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('overview.chain.type')}</Typography>
          </Th>
          {COLUMNS.map((state) => (
            <Th key={state}>
              <Typography variant="sigma">{english ? STATE_LABELS[state].en : STATE_LABELS[state].zh}</Typography>
            </Th>
          ))}
          <Th>
            <Typography variant="sigma">{t('overview.chain.scheduled')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('overview.chain.publishedThisMonth', { month })}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {types.map((type) => (
          <Tr key={type.uid} data-testid={`overview-row-${type.uid}`}>
            <Td>
              <Typography fontWeight="bold">{t(TYPE_LABEL[type.uid])}</Typography>
            </Td>
            {COLUMNS.map((state) => (
              <Td key={state} data-testid={`overview-${state}`}>
                {type.states[state] > 0 ? <Link to={listOf(type.uid, state)}>{type.states[state]}</Link> : <Typography textColor="neutral500">0</Typography>}
              </Td>
            ))}
            <Td data-testid="overview-scheduled">
              <Typography>{type.scheduled}</Typography>
            </Td>
            <Td data-testid="overview-published-this-month">
              <Typography>{type.publishedThisMonth}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const Office = ({ office }: { office: NonNullable<WorkflowOverview['office']> }) => {
  const t = usePluginT();
  return (
    <Card testId="overview-office">
      <Flex justifyContent="space-between" paddingBottom={4}>
        <Typography variant="delta" tag="h2">
          {t('overview.chain.title')}
        </Typography>
        <Flex gap={6}>
          <Link to={`/plugins/${PLUGIN_ID}/inspection`}>{t('inspection.title')}</Link>
          {office.failedJobs > 0 ? (
            <Link to={`/plugins/${PLUGIN_ID}/jobs`} data-testid="overview-failed-jobs">
              {t('overview.failedJobs', { count: office.failedJobs })}
            </Link>
          ) : (
            <Typography textColor="neutral600">{t('overview.noFailedJobs')}</Typography>
          )}
        </Flex>
      </Flex>
      <ChainTable types={office.types} month={office.month} />
    </Card>
  );
};

/** The plugin's home: the user's 待办 count, for the office the whole chain at a glance, and the links to the work. */
export const OverviewPage = () => {
  const t = usePluginT();
  const { result } = useFetched(`/${PLUGIN_ID}/workflow/overview`, (response: WorkflowOverviewResponse) => response.data);

  return (
    <Page.Main>
      <Page.Title>{t('overview.title')}</Page.Title>
      <Layouts.Header title={t('overview.title')} subtitle={t('overview.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {result.state === 'loading' && <Page.Loading />}
          {result.state === 'error' && <Typography textColor="danger600">{result.message}</Typography>}
          {result.state === 'done' && (
            <>
              <Card testId="overview-my-tasks">
                <Flex justifyContent="space-between">
                  <Typography variant="delta" tag="h2">
                    {t('overview.myTasks', { count: result.data.myTasks })}
                  </Typography>
                  <Link to={`/plugins/${PLUGIN_ID}`}>{t('tasks.title')}</Link>
                </Flex>
              </Card>
              {result.data.office && <Office office={result.data.office} />}
            </>
          )}
          <DueApplications />
          <Card>
            <Typography variant="delta" tag="h2">
              {t('overview.work')}
            </Typography>
            <Flex tag="ul" wrap="wrap" gap={6} paddingTop={4}>
              {WORK_LINKS.map((l) => (
                <li key={l.to}>
                  <Link to={l.to}>{t(l.label)}</Link>
                </li>
              ))}
            </Flex>
          </Card>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default OverviewPage;
