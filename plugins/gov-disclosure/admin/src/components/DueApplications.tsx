/**
 * 待办 for the register: the applications whose reply is due within five working days or overdue,
 * beside the content tasks. The office (assign) sees every case; a handler sees theirs; users
 * without the register see nothing here.
 */
import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { PLUGIN_ID } from '../../../shared/constants';
import { REGISTER_PERMISSIONS, useApplications } from '../utils/applications-api';
import { usePluginT } from '../utils/use-plugin-t';
import { ApplicationStateBadge, DeadlineInfo, shortDescription } from './ApplicationParts';
import { usePermissions } from '../utils/use-permissions';

const SOON = 5;

const DueList = ({ mine }: { mine: boolean }) => {
  const t = usePluginT();
  const due = useApplications({ dueWithin: SOON, mine: mine || undefined, page: 1, pageSize: 50 }).result;
  if (due.state !== 'done') return null;
  return (
    <Box paddingTop={8} data-testid="due-applications">
      <Flex justifyContent="space-between" paddingBottom={3}>
        <Typography variant="delta" tag="h2">
          {t('tasks.applications.title', { days: SOON })}
        </Typography>
        <Link to={`/plugins/${PLUGIN_ID}/applications?dueWithin=${SOON}`}>{t('applications.list.title')}</Link>
      </Flex>
      {due.data.data.length === 0 ? (
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <Typography>{t('tasks.applications.empty')}</Typography>
        </Box>
      ) : (
        <Table colCount={4} rowCount={due.data.data.length + 1}>
          <Thead>
            <Tr>
              {['trackingNumber', 'description', 'state', 'due'].map((column) => (
                <Th key={column}>
                  <Typography variant="sigma">{t(`tasks.applications.column.${column}`)}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {due.data.data.map((application) => (
              <Tr key={application.documentId} data-testid="due-application-row">
                <Td>
                  <Link to={`/plugins/${PLUGIN_ID}/applications/${application.documentId}`}>{application.trackingNumber}</Link>
                </Td>
                <Td>
                  <Typography ellipsis title={application.description}>
                    {shortDescription(application.description)}
                  </Typography>
                </Td>
                <Td>
                  <ApplicationStateBadge state={application.state} />
                </Td>
                <Td>
                  <DeadlineInfo application={application} inline />
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Box>
  );
};

export const DueApplications = () => {
  const { isLoading, allowedActions } = usePermissions(REGISTER_PERMISSIONS);
  if (isLoading || !allowedActions.canRead) return null;
  // the office works every case; a handler, the cases assigned to them
  return <DueList mine={!allowedActions.canAssign} />;
};
