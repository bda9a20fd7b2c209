import { useState } from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ScheduledPublication, WorkflowUid } from '../../../shared/types';
import { errorMessage } from '../utils/errors';
import { usePluginT } from '../utils/use-plugin-t';
import { useScheduleActions } from '../utils/workflow-api';

interface Props {
  target: { uid: WorkflowUid; documentId: string; locale: string };
  scheduled: ScheduledPublication | null;
  onChange: () => Promise<void>;
}

/** 定时发布: the publisher sets the time an item awaiting publication goes live, or cancels it. */
export const SchedulePublication = ({ target, scheduled, onChange }: Props) => {
  const t = usePluginT();
  const { formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const { set, cancel } = useScheduleActions();
  const [at, setAt] = useState('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      toggleNotification({ type: 'success', message: done });
      setAt('');
      setComment('');
      await onChange();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (scheduled) {
    return (
      <Flex direction="column" alignItems="stretch" gap={2} data-testid="scheduled-publication">
        <Typography variant="pi" textColor="primary600" fontWeight="bold">
          {t('schedule.pending', { at: formatDate(scheduled.at, { dateStyle: 'medium', timeStyle: 'short' }), by: scheduled.by.name })}
        </Typography>
        {error && (
          <Typography variant="pi" textColor="danger600">
            {error}
          </Typography>
        )}
        <Button variant="tertiary" fullWidth loading={busy} onClick={() => act(() => cancel(target), t('schedule.cancelled'))} data-testid="schedule-cancel">
          {t('schedule.cancel')}
        </Button>
      </Flex>
    );
  }

  return (
    <Box paddingTop={1}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Field.Root name="publishAt" error={error ?? undefined} hint={t('schedule.hint')}>
          <Field.Label>{t('schedule.label')}</Field.Label>
          <TextInput type="datetime-local" value={at} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setAt(e.target.value)} data-testid="schedule-at" />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
        <Field.Root name="scheduleComment">
          <Field.Label>{t('schedule.comment')}</Field.Label>
          <TextInput value={comment} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setComment(e.target.value)} />
        </Field.Root>
        <Button
          variant="secondary"
          fullWidth
          loading={busy}
          disabled={at === ''}
          data-testid="schedule-set"
          onClick={() =>
            act(() => set({ ...target, publishAt: new Date(at).toISOString(), ...(comment.trim() ? { comment: comment.trim() } : {}) }), t('schedule.done'))
          }
        >
          {t('schedule.set')}
        </Button>
      </Flex>
    </Box>
  );
};
