import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { UID } from '../../../shared/constants';
import { DueApplications } from '../components/DueApplications';
import { LapsingColumns } from '../components/LapsingColumns';
import { StateBadge } from '../components/StateBadge';
import { usePluginT } from '../utils/use-plugin-t';
import { useTasks } from '../utils/workflow-api';

/** 待办: what waits on this user (returned drafts, items to review, items to publish), oldest first. */
export const TasksPage = () => {
  const { formatDate } = useIntl();
  const tasks = useTasks();
  const t = usePluginT();

  return (
    <Page.Main>
      <Page.Title>{t('tasks.title')}</Page.Title>
      <Layouts.Header
        title={t('tasks.title')}
        subtitle={t('tasks.subtitle')}
        secondaryAction={
          <Flex gap={4}>
            <Link to="overview">{t('overview.title')}</Link>
            <Link to="catalog">{t('catalog.title')}</Link>
            <Link to="jobs">{t('jobs.title')}</Link>
            <Link to="applications">{t('applications.list.title')}</Link>
            <Link to="working-calendar">{t('calendar.title')}</Link>
          </Flex>
        }
      />
      <Layouts.Content>
        {tasks.state === 'loading' && <Page.Loading />}
        {tasks.state === 'error' && <Typography textColor="danger600">{tasks.message}</Typography>}
        {tasks.state === 'done' && tasks.data.length === 0 && (
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography>{t('tasks.empty')}</Typography>
          </Box>
        )}
        {tasks.state === 'done' && tasks.data.length > 0 && (
          <Table colCount={5} rowCount={tasks.data.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('tasks.column.title')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('tasks.column.type')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('tasks.column.state')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('tasks.column.since')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('tasks.column.comment')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {tasks.data.map((task) => (
                <Tr key={`${task.uid}:${task.documentId}:${task.locale}`} data-testid="task-row">
                  <Td>
                    <Link
                      to={
                        task.uid === UID.annualReport
                          ? `/plugins/gov-disclosure/reports/${task.documentId}?locale=${task.locale}`
                          : `/content-manager/collection-types/${task.uid}/${task.documentId}?plugins[i18n][locale]=${task.locale}`
                      }
                    >
                      {task.title}
                    </Link>
                  </Td>
                  <Td>
                    <Typography>
                      {t(task.uid === UID.annualReport ? 'overview.reports' : 'overview.entries')} · {task.locale}
                    </Typography>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <StateBadge state={task.state} />
                      {task.scheduledAt && (
                        <Typography variant="pi" textColor="primary600" data-testid="task-scheduled">
                          {t('tasks.scheduled', { at: formatDate(task.scheduledAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                        </Typography>
                      )}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography>{formatDate(task.since, { dateStyle: 'medium', timeStyle: 'short' })}</Typography>
                  </Td>
                  <Td>
                    <Flex>
                      <Typography textColor="neutral600">{task.lastComment ?? ''}</Typography>
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        <LapsingColumns />
        <DueApplications />
      </Layouts.Content>
    </Page.Main>
  );
};

export default TasksPage;
