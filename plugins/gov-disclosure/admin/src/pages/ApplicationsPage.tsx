import { useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link, useSearchParams } from 'react-router-dom';
import { PLUGIN_ID } from '../../../shared/constants';
import type { RegisteredApplication } from '../../../shared/application-types';
import {
  APPLICANT_TYPES,
  APPLICANT_TYPE_LABELS,
  APPLICATION_STATES,
  APPLICATION_STATE_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
} from '../../../shared/domain/disclosure-application';
import { ApplicationStateBadge, DeadlineInfo, shortDescription, useDomainLabel } from '../components/ApplicationParts';
import { ReceiptDialog, RegisterApplicationDialog } from '../components/RegisterApplicationDialog';
import { REGISTER_PERMISSIONS, useApplications, type ApplicationFilters } from '../utils/applications-api';
import { usePluginT } from '../utils/use-plugin-t';
import { usePermissions } from '../utils/use-permissions';

const PAGE_SIZE = 20;
const FIRST_YEAR = 2008;
/** The select's 不限 option (a select item cannot have an empty value). */
const ANY = '*';

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
const whole = (value: string | null, min: number, max: number): number | undefined => {
  const n = value === null || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** The filters live in the address, so going back from a case returns to the same list. */
const filtersOf = (params: URLSearchParams): ApplicationFilters => ({
  state: oneOf(params.get('state'), APPLICATION_STATES),
  channel: oneOf(params.get('channel'), CHANNELS),
  applicantType: oneOf(params.get('applicantType'), APPLICANT_TYPES),
  year: whole(params.get('year'), FIRST_YEAR, 2100),
  overdue: params.get('overdue') === 'true' || undefined,
  dueWithin: whole(params.get('dueWithin'), 0, 60),
  mine: params.get('mine') === 'true' || undefined,
  page: whole(params.get('page'), 1, 100000) ?? 1,
  pageSize: PAGE_SIZE,
});

/** 依申请公开登记: every application, by state, with its deadline; the office registers new ones here. */
export const ApplicationsPage = () => {
  const t = usePluginT();
  const label = useDomainLabel();
  const { allowedActions } = usePermissions(REGISTER_PERMISSIONS);
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const { result, reload } = useApplications(filters);
  const [registering, setRegistering] = useState(false);
  const [registered, setRegistered] = useState<RegisteredApplication | null>(null);
  // The agency's day (Beijing), kept across reloads: the browser's clock may be in another zone, and
  // UTC is still yesterday before 08:00 in Beijing, so the default date of receipt waits for it.
  const [agencyDay, setAgencyDay] = useState<string | null>(null);
  useEffect(() => {
    if (result.state === 'done') setAgencyDay(result.data.meta.today);
  }, [result]);

  /** Sets one filter (empty removes it) and goes back to the first page. */
  const setFilter = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === undefined || value === '' || value === ANY) next.delete(key);
        else next.set(key, value);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: key !== 'page' }
    );

  const thisYear = agencyDay ? Number(agencyDay.slice(0, 4)) : new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
  const counts = result.state === 'done' ? result.data.meta.countsByState : null;
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null;
  const pages = result.state === 'done' ? Math.max(1, Math.ceil(result.data.meta.total / PAGE_SIZE)) : 1;
  const anyFilter = ['channel', 'applicantType', 'year', 'overdue', 'dueWithin', 'mine'].some((k) => params.has(k));

  const stateTab = (state: string | undefined, text: string, count: number | null) => {
    const active = filters.state === state;
    return (
      <Button
        key={state ?? 'all'}
        variant={active ? 'default' : 'tertiary'}
        size="S"
        aria-pressed={active}
        onClick={() => setFilter('state', state)}
        data-state-tab={state ?? 'all'}
        endIcon={
          count === null ? undefined : (
            <Badge active={active} data-state-count={count}>
              {count}
            </Badge>
          )
        }
      >
        {text}
      </Button>
    );
  };

  return (
    <Page.Main>
      <Page.Title>{t('applications.list.title')}</Page.Title>
      <Layouts.Header
        title={t('applications.list.title')}
        subtitle={t('applications.list.subtitle')}
        primaryAction={
          allowedActions.canRegister ? (
            <Button startIcon={<Plus />} disabled={!agencyDay} onClick={() => setRegistering(true)} data-testid="register-open">
              {t('applications.register.open')}
            </Button>
          ) : undefined
        }
        secondaryAction={
          <Flex gap={4}>
            <Link to={`/plugins/${PLUGIN_ID}`}>{t('tasks.title')}</Link>
            <Link to={`/plugins/${PLUGIN_ID}/working-calendar`}>{t('calendar.title')}</Link>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={2} wrap="wrap" role="group" aria-label={t('applications.filter.state')} data-testid="state-tabs">
            {stateTab(undefined, t('applications.filter.all'), total)}
            {APPLICATION_STATES.map((s) => stateTab(s, label(APPLICATION_STATE_LABELS[s]), counts ? counts[s] : null))}
          </Flex>

          <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius>
            <Flex gap={4} wrap="wrap" alignItems="flex-end">
              <Box minWidth="12rem">
                <Field.Root name="channel" id="filter-channel">
                  <Field.Label>{t('applications.field.channel')}</Field.Label>
                  <SingleSelect
                    value={filters.channel ?? ANY}
                    onChange={(v) => setFilter('channel', String(v))}
                    placeholder={t('applications.filter.any')}
                    data-testid="filter-channel"
                  >
                    <SingleSelectOption value={ANY}>{t('applications.filter.any')}</SingleSelectOption>
                    {CHANNELS.map((c) => (
                      <SingleSelectOption key={c} value={c}>
                        {label(CHANNEL_LABELS[c])}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
              <Box minWidth="12rem">
                <Field.Root name="applicantType" id="filter-applicant-type">
                  <Field.Label>{t('applications.field.applicantType')}</Field.Label>
                  <SingleSelect
                    value={filters.applicantType ?? ANY}
                    onChange={(v) => setFilter('applicantType', String(v))}
                    placeholder={t('applications.filter.any')}
                    data-testid="filter-applicant-type"
                  >
                    <SingleSelectOption value={ANY}>{t('applications.filter.any')}</SingleSelectOption>
                    {APPLICANT_TYPES.map((a) => (
                      <SingleSelectOption key={a} value={a}>
                        {label(APPLICANT_TYPE_LABELS[a])}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
              <Box minWidth="9rem">
                <Field.Root name="year" id="filter-year">
                  <Field.Label>{t('applications.filter.year')}</Field.Label>
                  <SingleSelect
                    value={filters.year ? String(filters.year) : ANY}
                    onChange={(v) => setFilter('year', String(v))}
                    placeholder={t('applications.filter.any')}
                    data-testid="filter-year"
                  >
                    <SingleSelectOption value={ANY}>{t('applications.filter.any')}</SingleSelectOption>
                    {years.map((y) => (
                      <SingleSelectOption key={y} value={String(y)}>
                        {t('applications.filter.yearValue', { year: String(y) })}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
              <Box maxWidth="14rem">
                <Field.Root name="dueWithin" id="filter-due-within" hint={t('applications.filter.dueWithin.hint')}>
                  <Field.Label>{t('applications.filter.dueWithin')}</Field.Label>
                  <NumberInput
                    value={filters.dueWithin}
                    onValueChange={(v) => setFilter('dueWithin', v === undefined ? undefined : String(Math.min(60, Math.max(0, Math.round(v)))))}
                    data-testid="filter-due-within"
                  />
                  <Field.Hint />
                </Field.Root>
              </Box>
              <Flex direction="column" alignItems="flex-start" gap={2} paddingBottom={1}>
                <Checkbox
                  checked={Boolean(filters.overdue)}
                  onCheckedChange={(v) => setFilter('overdue', v === true ? 'true' : undefined)}
                  data-testid="filter-overdue"
                >
                  {t('applications.filter.overdue')}
                </Checkbox>
                <Checkbox checked={Boolean(filters.mine)} onCheckedChange={(v) => setFilter('mine', v === true ? 'true' : undefined)} data-testid="filter-mine">
                  {t('applications.filter.mine')}
                </Checkbox>
              </Flex>
              {anyFilter && (
                <Button
                  variant="tertiary"
                  onClick={() => setParams(filters.state ? new URLSearchParams({ state: filters.state }) : new URLSearchParams(), { replace: true })}
                >
                  {t('applications.filter.clear')}
                </Button>
              )}
            </Flex>
          </Box>

          {result.state === 'loading' && <Page.Loading />}
          {result.state === 'error' && (
            <Typography textColor="danger600" role="alert">
              {result.message}
            </Typography>
          )}
          {result.state === 'done' && result.data.data.length === 0 && (
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography>{t(filters.state || anyFilter ? 'applications.list.noMatch' : 'applications.list.empty')}</Typography>
            </Box>
          )}
          {result.state === 'done' && result.data.data.length > 0 && (
            <>
              <Table colCount={8} rowCount={result.data.data.length + 1} data-testid="applications-table">
                <Thead>
                  <Tr>
                    {['trackingNumber', 'receivedOn', 'channel', 'applicantType', 'description', 'handler', 'state', 'dueOn'].map((column) => (
                      <Th key={column}>
                        <Typography variant="sigma">{t(`applications.field.${column}`)}</Typography>
                      </Th>
                    ))}
                  </Tr>
                </Thead>
                <Tbody>
                  {result.data.data.map((a) => (
                    <Tr key={a.documentId} data-testid="application-row" data-tracking-number={a.trackingNumber}>
                      <Td>
                        <Link to={`/plugins/${PLUGIN_ID}/applications/${a.documentId}`} style={{ whiteSpace: 'nowrap' }}>
                          {a.trackingNumber}
                        </Link>
                      </Td>
                      <Td>
                        <Typography style={{ whiteSpace: 'nowrap' }}>{a.receivedOn}</Typography>
                      </Td>
                      <Td>
                        <Typography>{label(CHANNEL_LABELS[a.channel])}</Typography>
                      </Td>
                      <Td>
                        <Typography>{label(APPLICANT_TYPE_LABELS[a.applicantType])}</Typography>
                      </Td>
                      <Td style={{ maxWidth: '22rem', whiteSpace: 'normal' }}>
                        <Typography title={a.description}>{shortDescription(a.description)}</Typography>
                      </Td>
                      <Td>
                        {a.handler ? (
                          <Typography>{a.handler.name}</Typography>
                        ) : (
                          <Typography textColor="neutral500">{t('applications.handler.none')}</Typography>
                        )}
                      </Td>
                      <Td>
                        <ApplicationStateBadge state={a.state} />
                      </Td>
                      <Td style={{ whiteSpace: 'normal' }}>
                        <DeadlineInfo application={a} />
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              <Flex gap={2} alignItems="center" justifyContent="flex-end" data-testid="applications-pagination">
                <Typography textColor="neutral600">{t('applications.list.total', { total: result.data.meta.total })}</Typography>
                <Button variant="tertiary" size="S" disabled={filters.page <= 1} onClick={() => setFilter('page', String(filters.page - 1))}>
                  {t('applications.list.previousPage')}
                </Button>
                <Typography>{t('applications.list.page', { page: filters.page, pages })}</Typography>
                <Button variant="tertiary" size="S" disabled={filters.page >= pages} onClick={() => setFilter('page', String(filters.page + 1))}>
                  {t('applications.list.nextPage')}
                </Button>
              </Flex>
            </>
          )}
        </Flex>
      </Layouts.Content>
      {registering && agencyDay && (
        <RegisterApplicationDialog
          today={agencyDay}
          canAssign={Boolean(allowedActions.canAssign)}
          onClose={() => setRegistering(false)}
          onRegistered={(r) => {
            setRegistering(false);
            setRegistered(r);
            void reload();
          }}
        />
      )}
      {registered && <ReceiptDialog registered={registered} onClose={() => setRegistered(null)} />}
    </Page.Main>
  );
};

export default ApplicationsPage;
