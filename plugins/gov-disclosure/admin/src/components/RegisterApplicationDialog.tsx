/**
 * 登记申请: the office's register form (条例 art. 29: who applies and how to reach them, what
 * information, in what form), every field checked by the server and its message shown beside the
 * field; then 受理回执 with the tracking number and the query code, shown this once.
 */
import { useState, type ReactNode } from 'react';
import { Box, Button, Dialog, Field, Flex, Grid, Modal, SingleSelect, SingleSelectOption, TextInput, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { PLUGIN_ID } from '../../../shared/constants';
import type { RegisteredApplication } from '../../../shared/application-types';
import { ID_TYPE_LABELS, type IdType } from '../../../shared/domain/application-input';
import {
  APPLICANT_TYPES,
  APPLICANT_TYPE_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  DELIVERIES,
  DELIVERY_LABELS,
  PROVISION_FORMS,
  PROVISION_FORM_LABELS,
  type ApplicantType,
} from '../../../shared/domain/disclosure-application';
import { useAdminUserOptions, useApplicationCommands, useOrganizationOptions } from '../utils/applications-api';
import { fieldProblem, problemOf, type ServerProblem } from '../utils/errors';
import { usePluginT } from '../utils/use-plugin-t';
import { useDomainLabel } from './ApplicationParts';

const PERSON_IDS: IdType[] = ['resident_id', 'passport', 'other_id'];
const ORGANISATION_IDS: IdType[] = ['credit_code', 'other_org'];
const idTypesFor = (type: string): IdType[] => (type === 'natural' || type === '' ? PERSON_IDS : ORGANISATION_IDS);

const FIELDS = [
  'organization',
  'channel',
  'receivedOn',
  'handler',
  'applicantType',
  'applicantName',
  'contactPerson',
  'idType',
  'idNumber',
  'phone',
  'email',
  'address',
  'postcode',
  'description',
  'documentNumbers',
  'provisionForm',
  'delivery',
] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

/** 暂不指定 (a select item cannot have an empty value). */
const NO_HANDLER = '-';

const OPTIONAL: FieldName[] = ['contactPerson', 'phone', 'email', 'address', 'postcode', 'documentNumbers'];

interface Props {
  /** The agency's day (the list's meta.today): the default date of receipt. */
  today: string;
  canAssign: boolean;
  onClose: () => void;
  onRegistered: (registered: RegisteredApplication) => void;
}

export const RegisterApplicationDialog = ({ today, canAssign, onClose, onRegistered }: Props) => {
  const t = usePluginT();
  const label = useDomainLabel();
  const organizations = useOrganizationOptions();
  const users = useAdminUserOptions(canAssign);
  const { register } = useApplicationCommands();
  const [values, setValues] = useState<Values>(() => ({
    ...(Object.fromEntries(FIELDS.map((f) => [f, ''])) as Values),
    receivedOn: today,
    applicantType: 'natural',
    idType: 'resident_id',
  }));
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const orgList = organizations.state === 'done' ? organizations.data : [];
  const organization = values.organization || (orgList.length === 1 ? orgList[0].documentId : '');
  const natural = values.applicantType === 'natural';
  const set = (field: FieldName) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const setApplicantType = (type: string) =>
    setValues((v) => ({ ...v, applicantType: type, idType: idTypesFor(type).includes(v.idType as IdType) ? v.idType : idTypesFor(type)[0] }));
  const error = (field: FieldName) => fieldProblem(problem, field);

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    const body = Object.fromEntries(
      FIELDS.filter((f) => f !== 'handler').map((f) => {
        const value = (f === 'organization' ? organization : values[f]).trim();
        return [f, value === '' && OPTIONAL.includes(f) ? null : value];
      })
    );
    // a natural person's form has no 联系人: the applicant is reached directly
    if (natural) body.contactPerson = null;
    try {
      const registered = await register({
        ...(body as unknown as Parameters<typeof register>[0]),
        ...(values.handler && values.handler !== NO_HANDLER ? { handler: Number(values.handler) } : {}),
      });
      onRegistered(registered);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };

  const text = (field: FieldName, fieldLabel: string, options: { required?: boolean; hint?: string; type?: string; max?: string; col?: number } = {}) => (
    <Grid.Item col={options.col ?? 6} s={12} direction="column" alignItems="stretch">
      <Field.Root name={field} id={`register-${field}`} error={error(field)} required={options.required} hint={options.hint}>
        <Field.Label>{fieldLabel}</Field.Label>
        <TextInput
          type={options.type ?? 'text'}
          max={options.max}
          value={values[field]}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(field)(e.target.value)}
          data-testid={`register-${field}`}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </Grid.Item>
  );

  const select = (
    field: FieldName,
    fieldLabel: string,
    options: Array<{ value: string; label: string }>,
    extra: { col?: number; required?: boolean; hint?: string; value?: string; onChange?: (v: string) => void } = {}
  ) => (
    <Grid.Item col={extra.col ?? 6} s={12} direction="column" alignItems="stretch">
      <Field.Root name={field} id={`register-${field}`} error={error(field)} required={extra.required ?? true} hint={extra.hint}>
        <Field.Label>{fieldLabel}</Field.Label>
        <SingleSelect
          value={(extra.value ?? values[field]) || null}
          onChange={(v) => (extra.onChange ?? set(field))(String(v))}
          placeholder={t('applications.form.choose')}
          data-testid={`register-${field}`}
        >
          {options.map((o) => (
            <SingleSelectOption key={o.value} value={o.value}>
              {o.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    </Grid.Item>
  );

  const group = (title: string, children: ReactNode) => (
    <Box tag="fieldset" paddingBottom={4} style={{ border: 0, margin: 0, padding: 0 }}>
      <Box paddingBottom={3}>
        <Typography tag="legend" variant="sigma" textColor="neutral600">
          {title}
        </Typography>
      </Box>
      <Grid.Root gap={4}>{children}</Grid.Root>
    </Box>
  );

  const shownFields = new Set<string>(FIELDS.filter((f) => (f !== 'contactPerson' || !natural) && (f !== 'handler' || canAssign)));
  const unshownProblems = problem ? Object.entries(problem.fields).filter(([path]) => !shownFields.has(path.split('.')[0])) : [];
  const idNumberLabel = natural
    ? t('applications.form.idNumber')
    : values.idType === 'credit_code'
      ? label(ID_TYPE_LABELS.credit_code)
      : t('applications.form.orgIdNumber');

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content data-testid="register-dialog">
        <Modal.Header closeLabel={t('applications.form.cancel')}>
          <Modal.Title>{t('applications.register.title')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {problem && (
              <Box padding={4} background="danger100" hasRadius role="alert" data-testid="register-error">
                <Typography textColor="danger700" fontWeight="bold">
                  {Object.keys(problem.fields).length > 0 ? t('applications.form.fixFields') : problem.message}
                </Typography>
                {unshownProblems.map(([path, message]) => (
                  <Typography key={path} tag="p" textColor="danger700">
                    {message}
                  </Typography>
                ))}
              </Box>
            )}
            {organizations.state === 'error' && (
              <Typography textColor="danger600" role="alert">
                {t('applications.form.organizationsError', { message: organizations.message })}
              </Typography>
            )}
            {group(
              t('applications.form.section.receipt'),
              <>
                {select(
                  'organization',
                  t('applications.field.organization'),
                  orgList.map((o) => ({ value: o.documentId, label: o.name })),
                  { value: organization }
                )}
                {select(
                  'channel',
                  t('applications.field.channel'),
                  CHANNELS.map((c) => ({ value: c, label: label(CHANNEL_LABELS[c]) }))
                )}
                {text('receivedOn', t('applications.field.receivedOn'), {
                  required: true,
                  type: 'date',
                  max: today,
                  hint: t('applications.form.receivedOn.hint'),
                })}
                {canAssign &&
                  select(
                    'handler',
                    t('applications.field.handler'),
                    [
                      { value: NO_HANDLER, label: t('applications.form.handler.none') },
                      ...(users.state === 'done' ? users.data.map((u) => ({ value: String(u.id), label: u.name })) : []),
                    ],
                    {
                      required: false,
                      hint: users.state === 'error' ? t('applications.assign.usersError', { message: users.message }) : t('applications.form.handler.hint'),
                    }
                  )}
              </>
            )}
            {group(
              t('applications.form.section.applicant'),
              <>
                {select(
                  'applicantType',
                  t('applications.field.applicantType'),
                  APPLICANT_TYPES.map((a: ApplicantType) => ({ value: a, label: label(APPLICANT_TYPE_LABELS[a]) })),
                  { onChange: setApplicantType }
                )}
                {text('applicantName', t(natural ? 'applications.form.personName' : 'applications.form.organizationName'), { required: true })}
                {!natural && text('contactPerson', t('applications.form.contactPerson'), { required: true })}
                {select(
                  'idType',
                  t(natural ? 'applications.form.idType' : 'applications.form.orgIdType'),
                  idTypesFor(values.applicantType).map((id) => ({ value: id, label: label(ID_TYPE_LABELS[id]) }))
                )}
                {text('idNumber', idNumberLabel, { required: true })}
                {text('phone', t('applications.form.phone'), { hint: t('applications.form.contact.hint') })}
                {text('email', t('applications.form.email'), { type: 'email' })}
                {text('address', t('applications.form.address'), { col: 8 })}
                {text('postcode', t('applications.form.postcode'), { col: 4 })}
              </>
            )}
            {group(
              t('applications.form.section.information'),
              <>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <Field.Root name="description" id="register-description" error={error('description')} required hint={t('applications.form.description.hint')}>
                    <Field.Label>{t('applications.form.description')}</Field.Label>
                    <Textarea
                      value={values.description}
                      onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set('description')(e.target.value)}
                      data-testid="register-description"
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                {text('documentNumbers', t('applications.form.documentNumbers'), { col: 12 })}
                {select(
                  'provisionForm',
                  t('applications.field.provisionForm'),
                  PROVISION_FORMS.map((p) => ({ value: p, label: label(PROVISION_FORM_LABELS[p]) }))
                )}
                {select(
                  'delivery',
                  t('applications.field.delivery'),
                  DELIVERIES.map((d) => ({ value: d, label: label(DELIVERY_LABELS[d]) }))
                )}
              </>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('applications.form.cancel')}</Button>
          </Modal.Close>
          <Button onClick={submit} loading={busy} data-testid="register-submit">
            {t('applications.register.submit')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/**
 * 受理回执: the tracking number and the query code, which the server never shows again (it keeps
 * only a hash). The dialog closes only when the clerk says the code is written down.
 */
export const ReceiptDialog = ({ registered, onClose }: { registered: RegisteredApplication; onClose: () => void }) => {
  const t = usePluginT();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const { trackingNumber, documentId } = registered.data;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(t('applications.receipt.copyText', { trackingNumber, queryCode: registered.queryCode }));
      toggleNotification({ type: 'success', message: t('applications.receipt.copied') });
    } catch {
      toggleNotification({ type: 'warning', message: t('applications.receipt.copyFailed') });
    }
  };
  const big = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '2.4rem', letterSpacing: '0.12em', lineHeight: 1.3 };

  return (
    // only the buttons close it: an Escape or a stray click must not lose the code
    <Dialog.Root open onOpenChange={() => undefined}>
      <Dialog.Content data-testid="receipt-dialog">
        <Dialog.Header>{t('applications.receipt.title')}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            <Box>
              <Typography variant="sigma" textColor="neutral600" tag="p">
                {t('applications.field.trackingNumber')}
              </Typography>
              <Typography tag="p" fontWeight="bold" style={big} data-testid="receipt-tracking-number">
                {trackingNumber}
              </Typography>
            </Box>
            <Box padding={4} background="warning100" hasRadius>
              <Typography variant="sigma" textColor="warning700" tag="p">
                {t('applications.receipt.queryCode')}
              </Typography>
              <Typography tag="p" fontWeight="bold" textColor="neutral800" style={big} data-testid="receipt-query-code">
                {registered.queryCode}
              </Typography>
            </Box>
            <Typography tag="p" textColor="danger600" fontWeight="bold">
              {t('applications.receipt.once')}
            </Typography>
            <Typography tag="p" variant="pi" textColor="neutral600">
              {t('applications.receipt.help')}
            </Typography>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Button variant="tertiary" onClick={copy}>
            {t('applications.receipt.copy')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              onClose();
              navigate(`/plugins/${PLUGIN_ID}/applications/${documentId}`);
            }}
          >
            {t('applications.receipt.open')}
          </Button>
          <Button onClick={onClose} data-testid="receipt-close">
            {t('applications.receipt.close')}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
