import { useState } from 'react';
import { Badge, Box, Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { UID } from '../../../shared/constants';
import type { JobView } from '../../../shared/types';
import { errorMessage } from '../utils/errors';
import { usePluginT } from '../utils/use-plugin-t';
import { useJobs, useRetryJob } from '../utils/workflow-api';

const STATUS_BADGE: Record<JobView['status'], { background: string; text: string }> = {
  pending: { background: 'neutral100', text: 'neutral700' },
  running: { background: 'primary100', text: 'primary700' },
  done: { background: 'success100', text: 'success700' },
  failed: { background: 'danger100', text: 'danger700' },
};

const itemLink = (target: NonNullable<JobView['target']>) =>
  target.uid === UID.annualReport
    ? `/plugins/gov-disclosure/reports/${target.documentId}?locale=${target.locale}`
    : `/content-manager/collection-types/${target.uid}/${target.documentId}?plugins[i18n][locale]=${target.locale}`;

/** 后台任务: scheduled work not yet done; what failed for good waits here for the office to retry it. */
export const JobsPage = () => {
  const t = usePluginT();
  const { formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const { result, reload } = useJobs();
  const retry = useRetryJob();
  const [busy, setBusy] = useState<number | null>(null);
  const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

  const retryNow = async (job: JobView) => {
    setBusy(job.id);
    try {
      await retry(job.id);
      toggleNotification({ type: 'success', message: t('jobs.retried') });
      await reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('jobs.title')}</Page.Title>
      <Layouts.Header title={t('jobs.title')} subtitle={t('jobs.subtitle')} secondaryAction={<Link to="..">{t('tasks.title')}</Link>} />
      <Layouts.Content>
        {result.state === 'loading' && <Page.Loading />}
        {result.state === 'error' && <Typography textColor="danger600">{result.message}</Typography>}
        {result.state === 'done' && result.data.failed > 0 && (
          <Box paddingBottom={4}>
            <Typography textColor="danger600" fontWeight="bold" data-testid="jobs-failed">
              {t('jobs.failedCount', { count: result.data.failed })}
            </Typography>
          </Box>
        )}
        {result.state === 'done' && result.data.data.length === 0 && (
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography>{t('jobs.empty')}</Typography>
          </Box>
        )}
        {result.state === 'done' && result.data.data.length > 0 && (
          <Table colCount={6} rowCount={result.data.data.length + 1}>
            <Thead>
              <Tr>
                {['kind', 'item', 'status', 'runAt', 'attempts', 'error'].map((column) => (
                  <Th key={column}>
                    <Typography variant="sigma">{t(`jobs.column.${column}`)}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {result.data.data.map((job) => (
                <Tr key={job.id} data-testid="job-row">
                  <Td>
                    <Typography>{t(`jobs.kind.${job.kind}`)}</Typography>
                  </Td>
                  <Td>{job.target ? <Link to={itemLink(job.target)}>{job.target.documentId}</Link> : <Typography textColor="neutral500">—</Typography>}</Td>
                  <Td>
                    <Badge backgroundColor={STATUS_BADGE[job.status].background} textColor={STATUS_BADGE[job.status].text}>
                      {t(`jobs.status.${job.status}`)}
                    </Badge>
                  </Td>
                  <Td>
                    <Typography>{when(job.runAt)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{job.attempts}</Typography>
                  </Td>
                  <Td>
                    <Typography variant="pi" textColor="danger600">
                      {job.lastError ?? ''}
                    </Typography>
                    {job.status === 'failed' && (
                      <Box paddingTop={1}>
                        <Button size="S" variant="secondary" loading={busy === job.id} onClick={() => retryNow(job)} data-testid="job-retry">
                          {t('jobs.retry')}
                        </Button>
                      </Box>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default JobsPage;
