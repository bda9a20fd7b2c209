import { useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { UID } from '../../../shared/constants';
import { ACTION_LABELS, EVENT_LABELS, isWorkflowUid, type EventAction, type WorkflowAction } from '../../../shared/domain/workflow';
import type { WorkflowUid } from '../../../shared/types';
import { usePluginT } from '../utils/use-plugin-t';
import { errorMessage } from '../utils/errors';
import { useTransition, useWorkflowStatus } from '../utils/workflow-api';
import { StateBadge, stateLabel } from './StateBadge';
import { TransitionDialog } from './TransitionDialog';
import { SchedulePublication } from './SchedulePublication';
import { WordingFindings } from './WordingFindings';

const NEEDS_COMMENT: WorkflowAction[] = ['return', 'withdraw'];
/** These change what is live, which the Content Manager's header shows: reload it afterwards. */
const CHANGES_LIVE_VERSION: WorkflowAction[] = ['publish', 'withdraw'];

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { locale?: string } & Record<string, unknown>;
}

export const WorkflowPanelBody = ({ uid, documentId, locale }: { uid: WorkflowUid; documentId: string; locale: string }) => {
  const { locale: uiLocale, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const { status, reload } = useWorkflowStatus(uid, documentId, locale);
  const transition = useTransition();
  const [busy, setBusy] = useState<WorkflowAction | null>(null);
  const t = usePluginT();
  const zh = uiLocale.startsWith('zh');
  const actionLabel = (a: WorkflowAction) => (zh ? ACTION_LABELS[a].zh : ACTION_LABELS[a].en);
  const eventLabel = (a: EventAction) => (zh ? EVENT_LABELS[a].zh : EVENT_LABELS[a].en);

  /** True when the server took the transition; on a refusal its reason is shown. */
  const run = async (action: WorkflowAction, comment?: string): Promise<boolean> => {
    setBusy(action);
    try {
      const result = await transition({ uid, documentId, locale, action, ...(comment ? { comment } : {}) });
      toggleNotification({ type: 'success', message: t('workflow.done', { action: actionLabel(action), state: stateLabel(result.state, uiLocale) }) });
      if (CHANGES_LIVE_VERSION.includes(action)) window.location.reload();
      else await reload();
      return true;
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
      await reload();
      return false;
    } finally {
      setBusy(null);
    }
  };

  if (status.state === 'loading') return <Typography variant="pi">{t('workflow.loading')}</Typography>;
  if (status.state === 'error') return <Typography textColor="danger600">{status.message}</Typography>;
  const { data } = status;
  // a forbidden word: publishing takes the publisher's reason, as the server requires
  const forbidden = data.wording.some((f) => f.severity === 'forbidden');
  const needsComment = (action: WorkflowAction) => NEEDS_COMMENT.includes(action) || (action === 'publish' && forbidden);
  const commentLabel = (action: WorkflowAction) =>
    action === 'publish' ? t('workflow.comment.override') : action === 'withdraw' ? t('workflow.comment.reason') : t('workflow.comment.label');

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="workflow-panel">
      <Flex gap={2} wrap="wrap">
        <StateBadge state={data.state} />
        <Typography variant="pi" textColor="neutral600">
          {t(`workflow.holder.${data.holder.party}`)}
          {data.holder.users.length > 0 ? `：${data.holder.users.map((u) => u.name).join('、')}` : ''}
        </Typography>
      </Flex>
      {!data.canEdit && (
        <Typography variant="pi" textColor="warning600">
          {t('workflow.readOnly')}
        </Typography>
      )}
      {data.allowedActions.map((action) =>
        needsComment(action) ? (
          <TransitionDialog
            key={action}
            action={action}
            label={actionLabel(action)}
            commentLabel={commentLabel(action)}
            variant={action === 'withdraw' || action === 'publish' ? 'danger-light' : 'tertiary'}
            onConfirm={(comment) => run(action, comment)}
          />
        ) : (
          <Button key={action} fullWidth loading={busy === action} disabled={busy !== null} onClick={() => run(action)} data-workflow-action={action}>
            {actionLabel(action)}
          </Button>
        )
      )}
      {data.state === 'pending_publish' && (data.allowedActions.includes('publish') || data.scheduledPublication) && (
        <SchedulePublication target={{ uid, documentId, locale }} scheduled={data.scheduledPublication} onChange={reload} />
      )}
      <WordingFindings findings={data.wording} />
      <Box paddingTop={2}>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {t('workflow.history')}
        </Typography>
        {data.history.length === 0 ? (
          <Typography variant="pi" textColor="neutral500">
            {t('workflow.history.empty')}
          </Typography>
        ) : (
          <Box tag="ol" paddingTop={1} data-testid="workflow-history">
            {[...data.history].reverse().map((e) => (
              <Box tag="li" key={e.id} paddingBottom={2}>
                <Typography variant="pi" fontWeight="bold">
                  {eventLabel(e.action)}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {' · '}
                  {e.actor?.name ?? t('workflow.system')}
                  {' · '}
                  {formatDate(e.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
                </Typography>
                {e.comment && (
                  <Typography variant="pi" tag="p" textColor="neutral800" data-testid="workflow-comment">
                    “{e.comment}”
                  </Typography>
                )}
              </Box>
            ))}
          </Box>
        )}
      </Box>
    </Flex>
  );
};

/** Edit view side panel: the item's state, who holds it, the history and this user's buttons. */
export const WorkflowPanel = ({ model, documentId, document }: PanelProps) => {
  const t = usePluginT();
  if (!isWorkflowUid(model) || !documentId || documentId === 'create') return null;
  const locale = document?.locale;
  if (!locale) return null;
  return {
    title: t('workflow.title'),
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%">
        {model === UID.annualReport && (
          <Link to={`/plugins/gov-disclosure/reports/${documentId}?locale=${locale}`} data-testid="open-report-editor">
            {t('report.open')}
          </Link>
        )}
        <WorkflowPanelBody uid={model} documentId={documentId} locale={locale} />
      </Flex>
    ),
  };
};
WorkflowPanel.type = 'gov-disclosure-workflow';
