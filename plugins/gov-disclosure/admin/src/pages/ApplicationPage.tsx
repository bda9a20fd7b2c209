import { useState } from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { ArrowLeft, Eye } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import { PLUGIN_ID } from '../../../shared/constants';
import type { ApplicantIdentityView, ApplicationEventView, ApplicationView } from '../../../shared/application-types';
import { ID_TYPE_LABELS } from '../../../shared/domain/application-input';
import {
  APPLICANT_TYPE_LABELS,
  APPLICATION_ACTION_LABELS,
  APPLICATION_EVENT_LABELS,
  APPLICATION_STATE_LABELS,
  CHANNEL_LABELS,
  DELIVERY_LABELS,
  OUTCOMES,
  PROVISION_FORM_LABELS,
  REPLY_KINDS,
  type ApplicationAction,
} from '../../../shared/domain/disclosure-application';
import { FEE_BANDS } from '../../../shared/domain/information-fee';
import { ApplicationActionDialog } from '../components/ApplicationActionDialog';
import { NoticeLetters } from '../components/NoticeLetters';
import { CaseFiles } from '../components/CaseFiles';
import { ApplicationStateBadge, DeadlineInfo, Fact, Facts, Section, useDomainLabel } from '../components/ApplicationParts';
import { errorMessage } from '../utils/errors';
import { REGISTER_PERMISSIONS, useAdminUserOptions, useApplication, useApplicationCommands, useApplicationHistory } from '../utils/applications-api';
import { usePluginT } from '../utils/use-plugin-t';
import { usePermissions } from '../utils/use-permissions';

const LIST = `/plugins/${PLUGIN_ID}/applications`;

const BackLink = () => {
  const t = usePluginT();
  return (
    <Link to={LIST}>
      <Flex gap={1} alignItems="center">
        <ArrowLeft aria-hidden />
        {t('applications.list.title')}
      </Flex>
    </Link>
  );
};

/** Steps that close a case without an answer: shown as a warning button. */
const LAPSES: ApplicationAction[] = ['lapse_amendment', 'lapse_payment'];

/**
 * 查看申请人身份信息: never loaded with the page; each press is one recorded look (who, when) in the
 * case's history, which is reloaded afterwards so the look shows there at once.
 */
const IdentityPanel = ({ documentId, onViewed }: { documentId: string; onViewed: () => void }) => {
  const t = usePluginT();
  const label = useDomainLabel();
  const { identity } = useApplicationCommands();
  const [shown, setShown] = useState<ApplicantIdentityView | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const open = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setShown(await identity(documentId));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
      onViewed();
    }
  };

  if (!shown) {
    return (
      <Flex direction="column" alignItems="flex-start" gap={2}>
        <Button variant="secondary" startIcon={<Eye />} loading={busy} onClick={open} data-testid="identity-open">
          {t('applications.identity.open')}
        </Button>
        <Typography variant="pi" textColor="neutral600">
          {t('applications.identity.recorded')}
        </Typography>
        {failure && (
          <Typography textColor="danger600" role="alert">
            {failure}
          </Typography>
        )}
      </Flex>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="identity">
      <Facts>
        <Fact label={t('applications.identity.name')}>{shown.applicantName}</Fact>
        <Fact label={t('applications.form.contactPerson')}>{shown.contactPerson}</Fact>
        <Fact label={t('applications.form.idType')}>{shown.idType ? label(ID_TYPE_LABELS[shown.idType]) : null}</Fact>
        <Fact label={t('applications.form.idNumber')}>{shown.idNumber}</Fact>
        <Fact label={t('applications.form.phone')}>{shown.phone}</Fact>
        <Fact label={t('applications.form.email')}>{shown.email}</Fact>
        <Fact label={t('applications.form.address')}>{shown.address}</Fact>
        <Fact label={t('applications.form.postcode')}>{shown.postcode}</Fact>
      </Facts>
      <Box>
        <Button variant="tertiary" onClick={() => setShown(null)}>
          {t('applications.identity.hide')}
        </Button>
      </Box>
    </Flex>
  );
};

/** 指定承办人: the office picks an active admin user (Strapi's user list needs its own read permission). */
const AssignHandler = ({ application, onAssigned }: { application: ApplicationView; onAssigned: (view: ApplicationView) => void }) => {
  const t = usePluginT();
  const { toggleNotification } = useNotification();
  const users = useAdminUserOptions(true);
  const { assign } = useApplicationCommands();
  const [chosen, setChosen] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const view = await assign(application.documentId, Number(chosen));
      toggleNotification({ type: 'success', message: t('applications.assign.done', { name: view.handler?.name ?? '' }) });
      setChosen('');
      onAssigned(view);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex gap={2} alignItems="flex-end" wrap="wrap">
      <Box minWidth="16rem">
        <Field.Root
          name="handler"
          id="assign-handler"
          error={failure ?? (users.state === 'error' ? t('applications.assign.usersError', { message: users.message }) : undefined)}
        >
          <Field.Label>{t('applications.assign.label')}</Field.Label>
          <SingleSelect
            value={chosen || null}
            onChange={(v) => setChosen(String(v))}
            placeholder={t('applications.form.choose')}
            disabled={users.state !== 'done'}
            data-testid="assign-handler"
          >
            {users.state === 'done' &&
              users.data.map((u) => (
                <SingleSelectOption key={u.id} value={String(u.id)}>
                  {u.name}
                </SingleSelectOption>
              ))}
          </SingleSelect>
          <Field.Error />
        </Field.Root>
      </Box>
      <Box paddingBottom={failure || users.state === 'error' ? 6 : 0}>
        <Button
          variant="secondary"
          disabled={!chosen || Number(chosen) === application.handler?.id}
          loading={busy}
          onClick={submit}
          data-testid="assign-submit"
        >
          {t('applications.assign.submit')}
        </Button>
      </Box>
    </Flex>
  );
};

const Timeline = ({ events }: { events: ApplicationEventView[] }) => {
  const t = usePluginT();
  const label = useDomainLabel();
  if (events.length === 0) return <Typography textColor="neutral500">{t('applications.history.empty')}</Typography>;
  return (
    <Box tag="ol" data-testid="application-history" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {events.map((e) => (
        <Box tag="li" key={e.id} paddingBottom={3} data-event={e.action}>
          <Flex gap={2} wrap="wrap" alignItems="baseline">
            <Typography fontWeight="bold" style={{ whiteSpace: 'nowrap' }}>
              {e.day}
            </Typography>
            <Typography fontWeight="bold" textColor={e.action === 'view_identity' ? 'warning700' : 'neutral800'}>
              {label(APPLICATION_EVENT_LABELS[e.action])}
            </Typography>
            {e.fromState && e.toState && e.fromState !== e.toState && (
              <Typography variant="pi" textColor="neutral600">
                {t('applications.history.transition', { from: label(APPLICATION_STATE_LABELS[e.fromState]), to: label(APPLICATION_STATE_LABELS[e.toState]) })}
              </Typography>
            )}
            <Typography variant="pi" textColor="neutral600">
              {t('applications.history.by', { actor: e.actorName ?? t('applications.history.system') })}
            </Typography>
          </Flex>
          {e.comment && (
            <Typography variant="pi" tag="p" textColor="neutral800">
              {e.action === 'assign' ? t('applications.history.assignedTo', { name: e.comment }) : `“${e.comment}”`}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
};

/** One application for disclosure: where it stands against its deadline, its facts, its steps and their record. */
export const ApplicationPage = () => {
  const t = usePluginT();
  const label = useDomainLabel();
  const { documentId } = useParams();
  const { allowedActions: rbac } = usePermissions(REGISTER_PERMISSIONS);
  const { result, reload } = useApplication(documentId);
  const { result: history, reload: reloadHistory } = useApplicationHistory(documentId);
  const [acting, setActing] = useState<ApplicationAction | null>(null);

  const refresh = () => {
    void reload();
    void reloadHistory();
  };

  if (result.state === 'loading') return <Page.Loading />;
  if (result.state === 'error') {
    return (
      <Page.Main>
        <Layouts.Header title={t('applications.case.title')} navigationAction={<BackLink />} />
        <Layouts.Content>
          <Typography textColor="danger600" role="alert">
            {result.message}
          </Typography>
        </Layouts.Content>
      </Page.Main>
    );
  }
  const a = result.data;

  return (
    <Page.Main>
      <Page.Title>{`${a.trackingNumber} · ${t('applications.list.title')}`}</Page.Title>
      <Layouts.Header
        title={a.trackingNumber}
        subtitle={
          <Flex gap={3} wrap="wrap" alignItems="center" paddingTop={2}>
            <ApplicationStateBadge state={a.state} />
            <Box data-testid="case-deadline">
              <DeadlineInfo application={a} inline />
            </Box>
            <Typography textColor="neutral600">{a.organization.name ?? a.organization.documentId}</Typography>
          </Flex>
        }
        navigationAction={<BackLink />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Section title={t('applications.case.status')} testId="case-status">
            <Facts>
              <Fact label={t('applications.field.state')}>
                <ApplicationStateBadge state={a.state} />
              </Fact>
              <Fact label={t('applications.field.dueOn')}>
                <DeadlineInfo application={a} />
              </Fact>
              <Fact label={t('applications.field.startedOn')}>
                {a.startedOn === a.receivedOn ? a.startedOn : t('applications.case.restarted', { day: a.startedOn })}
              </Fact>
              <Fact label={t('applications.field.handler')}>{a.handler?.name ?? t('applications.handler.none')}</Fact>
              {a.concludedOn && <Fact label={t('applications.field.concludedOn')}>{a.concludedOn}</Fact>}
            </Facts>
            {a.paused && (
              <Typography tag="p" variant="pi" textColor="neutral600" paddingTop={3}>
                {t('applications.case.pausedHelp')}
              </Typography>
            )}
            {rbac.canAssign && (
              <Box paddingTop={4}>
                <AssignHandler application={a} onAssigned={refresh} />
              </Box>
            )}
          </Section>

          <Section title={t('applications.case.actions')} testId="case-actions">
            {a.allowedActions.length === 0 ? (
              <Typography textColor="neutral600">{t('applications.case.noActions')}</Typography>
            ) : (
              <Flex gap={2} wrap="wrap">
                {a.allowedActions.map((action) => (
                  <Button
                    key={action}
                    variant={action === 'answer' ? 'default' : LAPSES.includes(action) ? 'danger-light' : 'secondary'}
                    onClick={() => setActing(action)}
                    data-application-action={action}
                  >
                    {label(APPLICATION_ACTION_LABELS[action])}
                  </Button>
                ))}
              </Flex>
            )}
          </Section>

          <Section title={t('applications.case.request')} testId="case-request">
            <Facts>
              <Fact label={t('applications.field.receivedOn')}>{a.receivedOn}</Fact>
              <Fact label={t('applications.field.channel')}>{label(CHANNEL_LABELS[a.channel])}</Fact>
              <Fact label={t('applications.field.source')}>{t(`applications.source.${a.source}`)}</Fact>
              <Fact label={t('applications.field.applicantType')}>{label(APPLICANT_TYPE_LABELS[a.applicantType])}</Fact>
              <Fact label={t('applications.field.provisionForm')}>{label(PROVISION_FORM_LABELS[a.provisionForm])}</Fact>
              <Fact label={t('applications.field.delivery')}>{label(DELIVERY_LABELS[a.delivery])}</Fact>
              <Fact label={t('applications.field.description')} wide>
                {a.description}
              </Fact>
              <Fact label={t('applications.field.documentNumbers')} wide>
                {a.documentNumbers}
              </Fact>
            </Facts>
          </Section>

          <Section title={t('applications.identity.title')} testId="case-identity">
            {rbac.canViewIdentity ? (
              <IdentityPanel documentId={a.documentId} onViewed={() => void reloadHistory()} />
            ) : (
              <Typography textColor="neutral600">{t('applications.identity.noPermission')}</Typography>
            )}
          </Section>

          <Section title={t('applications.files.title')} testId="case-files-section">
            <CaseFiles
              documentId={a.documentId}
              canViewIdentity={Boolean(rbac.canViewIdentity)}
              canAddReply={a.allowedActions.length > 0 || a.state === 'answered'}
              onChanged={() => void reloadHistory()}
            />
          </Section>

          {rbac.canViewIdentity && (
            <Section title={t('applications.notices.title')} testId="case-notices">
              <NoticeLetters application={a} onIssued={() => void reloadHistory()} />
            </Section>
          )}

          {a.amendment && (
            <Section title={t('applications.case.amendment')} testId="case-amendment">
              <Facts>
                <Fact label={t('applications.amendment.requestedOn')}>{a.amendment.requestedOn}</Fact>
                <Fact label={t('applications.action.dueOn')}>{a.amendment.dueOn}</Fact>
                <Fact label={t('applications.action.note.request_amendment')} wide>
                  {a.amendment.note}
                </Fact>
              </Facts>
            </Section>
          )}

          {a.extension && (
            <Section title={t('applications.case.extension')} testId="case-extension">
              <Facts>
                <Fact label={t('applications.action.extensionDays')}>{t('applications.extension.days', { days: a.extension.days })}</Fact>
                <Fact label={t('applications.action.approver')}>{a.extension.approver}</Fact>
                <Fact label={t('applications.action.note.extend')} wide>
                  {a.extension.reason}
                </Fact>
              </Facts>
            </Section>
          )}

          {a.fee && (
            <Section title={t('applications.case.fee')} testId="case-fee">
              <Facts>
                <Fact label={t('applications.fee.method')}>
                  {a.fee.method ? label({ zh: FEE_BANDS[a.fee.method].label, en: FEE_BANDS[a.fee.method].labelEn }) : null}
                </Fact>
                <Fact label={t('applications.fee.amount')}>{t('applications.fee.yuan', { yuan: a.fee.yuan })}</Fact>
                <Fact label={t('applications.action.day.notify_fee')}>{a.fee.notifiedOn}</Fact>
                <Fact label={t('applications.fee.paymentDueOn')}>{a.fee.paymentDueOn}</Fact>
                <Fact label={t('applications.action.day.confirm_payment')}>{a.fee.paidOn ?? t('applications.fee.unpaid')}</Fact>
              </Facts>
            </Section>
          )}

          {a.outcome && (
            <Section title={t('applications.case.answer')} testId="case-answer">
              <Facts>
                <Fact label={t('applications.field.outcome')}>{label(OUTCOMES[a.outcome])}</Fact>
                <Fact label={t('applications.field.replyKind')}>{a.replyKind ? label(REPLY_KINDS[a.replyKind]) : null}</Fact>
                <Fact label={t('applications.field.decidedOn')}>
                  {a.decidedOn ? `${a.decidedOn}${a.onTime === null ? '' : t(a.onTime ? 'applications.answer.onTime' : 'applications.answer.late')}` : null}
                </Fact>
                <Fact label={t('applications.field.replyText')} wide>
                  {a.replyText}
                </Fact>
              </Facts>
            </Section>
          )}

          <Section title={t('applications.case.history')} testId="case-history">
            {history.state === 'loading' && <Typography textColor="neutral600">{t('applications.loading')}</Typography>}
            {history.state === 'error' && (
              <Typography textColor="danger600" role="alert">
                {history.message}
              </Typography>
            )}
            {history.state === 'done' && <Timeline events={history.data} />}
          </Section>
        </Flex>
      </Layouts.Content>
      {acting && (
        <ApplicationActionDialog
          application={a}
          action={acting}
          onClose={(stale) => {
            setActing(null);
            if (stale) refresh();
          }}
          onDone={() => {
            setActing(null);
            refresh();
          }}
        />
      )}
    </Page.Main>
  );
};

export default ApplicationPage;
