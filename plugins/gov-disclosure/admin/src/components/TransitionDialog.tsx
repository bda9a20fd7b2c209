import { useState } from 'react';
import { Button, Dialog, Field, Textarea } from '@strapi/design-system';
import type { WorkflowAction } from '../../../shared/domain/workflow';
import { usePluginT } from '../utils/use-plugin-t';

interface Props {
  action: WorkflowAction;
  label: string;
  /** What the reason is called here (退回意见, 撤回理由, 放行理由). */
  commentLabel: string;
  variant: 'danger-light' | 'tertiary';
  /** Resolves true when the transition was taken; on false the dialog stays open with the reason typed. */
  onConfirm: (comment: string) => Promise<boolean>;
}

/** Return, withdraw and a publication over forbidden wording need a reason: the dialog will not confirm without one. */
export const TransitionDialog = ({ action, label, commentLabel, variant, onConfirm }: Props) => {
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const missing = comment.trim() === '';
  const t = usePluginT();

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button variant={variant} fullWidth data-workflow-action={action}>
          {label}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{label}</Dialog.Header>
        <Dialog.Body>
          <Field.Root name="comment" required error={touched && missing ? t('workflow.comment.required') : undefined} width="100%">
            <Field.Label>{commentLabel}</Field.Label>
            <Textarea value={comment} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)} onBlur={() => setTouched(true)} />
            <Field.Error />
          </Field.Root>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button variant="tertiary">{t('workflow.cancel')}</Button>
          </Dialog.Cancel>
          <Button
            variant="danger"
            loading={busy}
            data-workflow-confirm={action}
            onClick={async () => {
              setTouched(true);
              if (missing) return;
              setBusy(true);
              try {
                if (!(await onConfirm(comment.trim()))) return;
                setOpen(false);
                setComment('');
                setTouched(false);
              } finally {
                setBusy(false);
              }
            }}
          >
            {label}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
