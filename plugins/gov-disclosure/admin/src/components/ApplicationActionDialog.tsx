/**
 * One step of a case (告知补正, 延期答复, 收费通知, 答复 …) as a small dialog holding exactly the
 * fields the step needs (server/src/domain/application-action-input.ts), the server's message for
 * each beside it, and a refusal (403, or 409 when another handler acted first) shown as it came.
 */
import { useState, type ReactNode } from 'react';
import { Box, Button, Field, Flex, Modal, NumberInput, SingleSelect, SingleSelectOption, TextInput, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { ApplicationView } from '../../../shared/application-types';
import {
  ANSWER_OUTCOMES,
  APPLICATION_ACTION_LABELS,
  APPLICATION_TRANSITIONS,
  OUTCOMES,
  PERIODS,
  REPLY_KINDS,
  REPLY_KIND_KEYS,
  type ActionNeed,
  type ApplicationAction,
  type Outcome,
  type ReplyKind,
} from '../../../shared/domain/disclosure-application';
import { FEE_BANDS, informationFee, type FeeMethod } from '../../../shared/domain/information-fee';
import { useApplicationCommands, type ActionBody } from '../utils/applications-api';
import { fieldProblem, problemOf, type ServerProblem } from '../utils/errors';
import { usePluginT } from '../utils/use-plugin-t';
import { useDomainLabel } from './ApplicationParts';

type FieldKey = 'note' | 'dueOn' | 'day' | 'approver' | 'extensionDays' | 'fee' | 'outcome' | 'replyKind' | 'replyText';

/** The order the dialog shows fields in (the comment comes last, always). */
const ORDER: FieldKey[] = ['approver', 'note', 'dueOn', 'extensionDays', 'fee', 'outcome', 'replyKind', 'replyText', 'day'];
/** A need of the step (shared with the server's check) and the inputs that answer it. */
const INPUTS: Partial<Record<ActionNeed, FieldKey[]>> = { approver: ['approver', 'extensionDays'], outcome: ['outcome', 'replyKind', 'replyText'] };
/** The fields of a step: what the state machine says it needs. */
const fieldsOf = (action: ApplicationAction): FieldKey[] => {
  const wanted = new Set(APPLICATION_TRANSITIONS[action].needs.flatMap((need) => INPUTS[need] ?? [need]));
  return ORDER.filter((key) => wanted.has(key));
};

/** Table 三's groups: （一）…（六）, from the row id of each outcome (t3.r3.1 → 3). */
const groupOf = (outcome: Outcome) => Number(OUTCOMES[outcome].row.split('.')[1].slice(1));
const OUTCOME_GROUPS = [...new Set(ANSWER_OUTCOMES.map(groupOf))].map((group) => ({ group, outcomes: ANSWER_OUTCOMES.filter((o) => groupOf(o) === group) }));

/** The reply an outcome usually goes with (the handler may choose another). */
const suggestedReply = (outcome: Outcome): ReplyKind | null => {
  if (outcome === 'disclosed' || outcome === 'partly_disclosed') return outcome;
  if (outcome.startsWith('withheld_')) return 'not_disclosed';
  if (outcome === 'unavailable_not_held') return 'not_held';
  if (outcome === 'not_processed_repeat') return 'repeat';
  if (outcome.startsWith('not_processed_')) return 'not_processed';
  return null;
};

interface Props {
  application: ApplicationView;
  action: ApplicationAction;
  /** stale: the server refused a step because the case moved on (403/409): the page shows it as it is now. */
  onClose: (stale: boolean) => void;
  onDone: (view: ApplicationView) => void;
}

export const ApplicationActionDialog = ({ application, action, onClose, onDone }: Props) => {
  const t = usePluginT();
  const label = useDomainLabel();
  const { toggleNotification } = useNotification();
  const { act } = useApplicationCommands();
  const [text, setText] = useState<Record<string, string>>({});
  const [numbers, setNumbers] = useState<Record<string, number | undefined>>({ extensionDays: PERIODS.extension, earlierItemsThisMonth: 0 });
  const [method, setMethod] = useState<FeeMethod>('by_item');
  const [replyTouched, setReplyTouched] = useState(false);
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldsOf(action);
  const actionLabel = label(APPLICATION_ACTION_LABELS[action]);
  const value = (key: string) => text[key] ?? '';
  const setValue = (key: string) => (v: string) => setText((prev) => ({ ...prev, [key]: v }));
  const setNumber = (key: string) => (v: number | undefined) => setNumbers((prev) => ({ ...prev, [key]: v }));
  const error = (key: string) => fieldProblem(problem, key);

  const feeInput =
    method === 'by_item' ? { method, items: numbers.items, earlierItemsThisMonth: numbers.earlierItemsThisMonth ?? 0 } : { method, pages: numbers.pages };
  const fee = fields.includes('fee') ? informationFee(feeInput) : null;
  const nothingToCharge = fee?.ok === true && fee.totalYuan === 0;

  const bodyOf = (): ActionBody<ApplicationAction> => {
    const optional = (key: string) => (value(key).trim() === '' ? undefined : value(key).trim());
    const comment = optional('comment');
    const base: Record<string, unknown> = comment ? { comment } : {};
    if (fields.includes('note')) base.note = value('note');
    if (fields.includes('dueOn')) base.dueOn = value('dueOn');
    if (fields.includes('day')) base.day = optional('day');
    if (fields.includes('approver')) base.approver = value('approver');
    if (fields.includes('extensionDays')) base.extensionDays = numbers.extensionDays;
    if (fields.includes('fee')) base.fee = feeInput;
    if (fields.includes('outcome')) base.outcome = value('outcome');
    if (fields.includes('replyKind')) base.replyKind = value('replyKind');
    if (fields.includes('replyText')) base.replyText = value('replyText');
    return base as ActionBody<ApplicationAction>;
  };

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const view = await act(application.documentId, action, bodyOf());
      toggleNotification({ type: 'success', message: t('applications.action.done', { action: actionLabel }) });
      onDone(view);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };

  const dateField = (key: 'day' | 'dueOn', required: boolean, hint: string) => (
    <Field.Root name={key} id={`action-${key}`} error={error(key)} required={required} hint={hint}>
      <Field.Label>{t(key === 'dueOn' ? 'applications.action.dueOn' : `applications.action.day.${action}`)}</Field.Label>
      <TextInput
        type="date"
        value={value(key)}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValue(key)(e.target.value)}
        data-testid={`action-${key}`}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  const textArea = (key: string, fieldLabel: string, required: boolean, hint?: string) => (
    <Field.Root name={key} id={`action-${key}`} error={error(key)} required={required} hint={hint}>
      <Field.Label>{fieldLabel}</Field.Label>
      <Textarea value={value(key)} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setValue(key)(e.target.value)} data-testid={`action-${key}`} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  const numberField = (key: string, fieldLabel: string, required: boolean, hint?: string, errorKey = key) => (
    <Field.Root name={key} id={`action-${key}`} error={error(errorKey)} required={required} hint={hint}>
      <Field.Label>{fieldLabel}</Field.Label>
      <NumberInput value={numbers[key]} onValueChange={setNumber(key)} data-testid={`action-${key}`} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  const parts: Record<FieldKey, () => ReactNode> = {
    note: () => textArea('note', t(`applications.action.note.${action}`), true, t(`applications.action.note.${action}.hint`)),
    dueOn: () => dateField('dueOn', true, t('applications.action.dueOn.hint')),
    day: () => dateField('day', false, t('applications.action.day.hint')),
    approver: () => (
      <Field.Root name="approver" id="action-approver" error={error('approver')} required hint={t('applications.action.approver.hint')}>
        <Field.Label>{t('applications.action.approver')}</Field.Label>
        <TextInput
          value={value('approver')}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValue('approver')(e.target.value)}
          data-testid="action-approver"
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    ),
    extensionDays: () =>
      numberField('extensionDays', t('applications.action.extensionDays'), true, t('applications.action.extensionDays.hint', { max: PERIODS.extension })),
    fee: () => (
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Field.Root name="fee.method" id="action-fee-method" error={error('fee.method')} required>
          <Field.Label>{t('applications.fee.method')}</Field.Label>
          <SingleSelect value={method} onChange={(v) => setMethod(v as FeeMethod)} data-testid="action-fee-method">
            {(['by_item', 'by_volume'] as const).map((m) => (
              <SingleSelectOption key={m} value={m}>
                {label({ zh: FEE_BANDS[m].label, en: FEE_BANDS[m].labelEn })}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
        </Field.Root>
        {method === 'by_item' ? (
          <Flex gap={4} alignItems="flex-start" wrap="wrap">
            <Box minWidth="14rem">{numberField('items', t('applications.fee.items'), true, t('applications.fee.items.hint'), 'fee.items')}</Box>
            <Box minWidth="14rem">
              {numberField(
                'earlierItemsThisMonth',
                t('applications.fee.earlierItems'),
                false,
                t('applications.fee.earlierItems.hint'),
                'fee.earlierItemsThisMonth'
              )}
            </Box>
          </Flex>
        ) : (
          <Box maxWidth="14rem">{numberField('pages', t('applications.fee.pages'), true, t('applications.fee.pages.hint'), 'fee.pages')}</Box>
        )}
        <FeePreview method={method} result={fee} />
        {/* about the fee as a whole (a part's message stands beside the part) */}
        {problem?.fields.fee && (
          <Typography textColor="danger600" role="alert">
            {problem.fields.fee}
          </Typography>
        )}
      </Flex>
    ),
    outcome: () => (
      <Field.Root name="outcome" id="action-outcome" error={error('outcome')} required hint={t('applications.action.outcome.hint')}>
        <Field.Label>{t('applications.field.outcome')}</Field.Label>
        <SingleSelect
          value={value('outcome') || null}
          placeholder={t('applications.form.choose')}
          onChange={(v) => {
            const outcome = String(v) as Outcome;
            setValue('outcome')(outcome);
            const reply = suggestedReply(outcome);
            if (!replyTouched && reply) setValue('replyKind')(reply);
          }}
          data-testid="action-outcome"
        >
          {OUTCOME_GROUPS.flatMap(({ group, outcomes }) => [
            <Box key={`group-${group}`} paddingLeft={4} paddingRight={4} paddingTop={2} paddingBottom={1} role="presentation">
              <Typography variant="sigma" textColor="neutral600">
                {t(`applications.outcomeGroup.${group}`)}
              </Typography>
            </Box>,
            ...outcomes.map((o) => (
              <SingleSelectOption key={o} value={o} data-outcome={o}>
                {label(OUTCOMES[o])}
              </SingleSelectOption>
            )),
          ])}
        </SingleSelect>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    ),
    replyKind: () => (
      <Field.Root name="replyKind" id="action-reply-kind" error={error('replyKind')} required>
        <Field.Label>{t('applications.field.replyKind')}</Field.Label>
        <SingleSelect
          value={value('replyKind') || null}
          placeholder={t('applications.form.choose')}
          onChange={(v) => {
            setReplyTouched(true);
            setValue('replyKind')(String(v));
          }}
          data-testid="action-reply-kind"
        >
          {REPLY_KIND_KEYS.map((k) => (
            <SingleSelectOption key={k} value={k}>
              {label(REPLY_KINDS[k])}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
    ),
    replyText: () => textArea('replyText', t('applications.field.replyText'), true, t('applications.action.replyText.hint')),
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose(problem?.status === 403 || problem?.status === 409)}>
      <Modal.Content data-testid="action-dialog" data-action={action}>
        <Modal.Header closeLabel={t('applications.form.cancel')}>
          <Modal.Title>{actionLabel}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography tag="p" textColor="neutral700">
              {t(`applications.action.explain.${action}`, {
                amendmentDueOn: application.amendment?.dueOn ?? '—',
                paymentDueOn: application.fee?.paymentDueOn ?? '—',
                max: PERIODS.extension,
              })}
            </Typography>
            {problem && (Object.keys(problem.fields).length === 0 || problem.status !== 400) && (
              <Box padding={4} background="danger100" hasRadius role="alert" data-testid="action-error">
                <Typography textColor="danger700" fontWeight="bold">
                  {problem.message}
                </Typography>
                {problem.status === 409 && (
                  <Typography tag="p" textColor="danger700">
                    {t('applications.action.conflict')}
                  </Typography>
                )}
              </Box>
            )}
            {fields.map((key) => (
              <Box key={key}>{parts[key]()}</Box>
            ))}
            {textArea('comment', t('applications.action.comment'), false, t('applications.action.comment.hint'))}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('applications.form.cancel')}</Button>
          </Modal.Close>
          <Button
            onClick={submit}
            loading={busy}
            disabled={nothingToCharge}
            variant={action === 'lapse_amendment' || action === 'lapse_payment' ? 'danger' : 'default'}
            data-testid="action-submit"
          >
            {actionLabel}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** The fee as the notice will state it: each band's units, price and amount, the total, and the clauses. */
const FeePreview = ({ method, result }: { method: FeeMethod; result: ReturnType<typeof informationFee> | null }) => {
  const t = usePluginT();
  const label = useDomainLabel();
  const schedule = FEE_BANDS[method];
  const unit = label({ zh: schedule.unit, en: schedule.unitEn });
  return (
    <Box background="neutral100" padding={4} hasRadius data-testid="fee-preview">
      <Typography variant="sigma" textColor="neutral600" tag="p">
        {t('applications.fee.preview', { article: schedule.article })}
      </Typography>
      <Typography variant="pi" textColor="neutral600" tag="p">
        {t('applications.fee.basis', { basis: label({ zh: schedule.basis, en: schedule.basisEn }) })}
      </Typography>
      {result && !result.ok && (
        <Typography tag="p" textColor="neutral600" paddingTop={2}>
          {t('applications.fee.enterCounts')}
        </Typography>
      )}
      {result?.ok && (
        <Box paddingTop={2}>
          {result.lines.length > 0 && (
            <table style={{ borderCollapse: 'collapse', width: '100%' }}>
              <thead>
                <tr>
                  {['range', 'count', 'unitPrice', 'amount'].map((k) => (
                    <th key={k} scope="col" style={{ textAlign: k === 'range' ? 'left' : 'right', padding: 4, borderBottom: '1px solid #c0c0cf' }}>
                      <Typography variant="sigma">{t(`applications.fee.column.${k}`)}</Typography>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.lines.map((line) => (
                  <tr key={line.from} data-fee-line={line.from}>
                    <td style={{ padding: 4 }}>
                      <Typography>{t('applications.fee.range', { from: line.from, to: line.to ?? line.from, unit })}</Typography>
                    </td>
                    <td style={{ padding: 4, textAlign: 'right' }}>
                      <Typography>{t('applications.fee.count', { count: line.count, unit })}</Typography>
                    </td>
                    <td style={{ padding: 4, textAlign: 'right' }}>
                      <Typography>{t('applications.fee.unitPrice', { yuan: line.unitYuan, unit })}</Typography>
                    </td>
                    <td style={{ padding: 4, textAlign: 'right' }}>
                      <Typography>{t('applications.fee.yuan', { yuan: line.amountYuan })}</Typography>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Typography tag="p" fontWeight="bold" paddingTop={2} data-testid="fee-total" data-fee-total={result.totalYuan}>
            {t('applications.fee.total', { yuan: result.totalYuan })}
          </Typography>
          {result.totalYuan === 0 && (
            <Typography tag="p" textColor="warning700">
              {t('applications.fee.free')}
            </Typography>
          )}
        </Box>
      )}
      <Box tag="ul" paddingTop={2}>
        {schedule.bands.map((band) => (
          <li key={band.from}>
            <Typography variant="pi" textColor="neutral600">
              {label({ zh: band.clause, en: band.clauseEn })}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
};
