import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  ProgressBar,
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
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { DEFAULT_LOCALE, PLUGIN_ID, UID } from '../../../shared/constants';
import type { CatalogImportCounts, CatalogImportJob, CatalogImportReport } from '../../../shared/types';
import { errorMessage, fieldErrorsOf, type FieldErrors } from '../utils/errors';
import { useFetched } from '../utils/use-fetched';
import { usePluginT, type Translate } from '../utils/use-plugin-t';
import { downloadFile } from '../utils/download';
import { usePermissions } from '../utils/use-permissions';

const PERMISSIONS = [
  { action: `plugin::${PLUGIN_ID}.catalog.import`, subject: null },
  { action: `plugin::${PLUGIN_ID}.catalog.export`, subject: null },
];

const POLL_MS = 1000;

interface Organization {
  name: string;
  slug: string;
}

/** The organizations an import or export names, in the default locale (where their slugs live). */
const useOrganizations = () =>
  useFetched(`/content-manager/collection-types/${UID.organization}`, (response: { results: Organization[] }) => response.results.filter((o) => o.slug), {
    locale: DEFAULT_LOCALE,
    pageSize: 100,
    sort: 'name:ASC',
  }).result;

const OrganizationSelect = ({
  name,
  organizations,
  value,
  onChange,
  error,
  t,
  disabled,
}: {
  name: string;
  organizations: Organization[];
  value: string;
  onChange: (slug: string) => void;
  error?: string;
  t: Translate;
  disabled?: boolean;
}) => (
  <Field.Root name={name} id={name} error={error} required>
    <Field.Label>{t('catalog.organization')}</Field.Label>
    <SingleSelect
      value={value || null}
      onChange={(v) => onChange(String(v))}
      placeholder={t('catalog.organization.placeholder')}
      disabled={disabled}
      data-testid={name}
    >
      {organizations.map((o) => (
        <SingleSelectOption key={o.slug} value={o.slug}>{`${o.name}（${o.slug}）`}</SingleSelectOption>
      ))}
    </SingleSelect>
    <Field.Error />
  </Field.Root>
);

const Counts = ({ counts, dryRun, t }: { counts: CatalogImportCounts; dryRun: boolean; t: Translate }) => (
  <Flex gap={4} wrap="wrap" tag="dl" data-testid={dryRun ? 'catalog-dry-run-counts' : 'catalog-final-counts'}>
    {(
      [
        ['rows', 'catalog.count.rows', counts.rows, 'neutral800'],
        ['imported', dryRun ? 'catalog.count.wouldImport' : 'catalog.count.imported', counts.imported, 'success600'],
        ['skipped', 'catalog.count.skipped', counts.skipped, 'neutral600'],
        ['invalid', 'catalog.count.invalid', counts.invalid, counts.invalid > 0 ? 'danger600' : 'neutral600'],
      ] as const
    ).map(([key, label, value, color]) => (
      <Box key={key} background="neutral100" padding={4} hasRadius minWidth="10rem" data-count={key}>
        <Typography tag="dt" variant="sigma" textColor="neutral600">
          {t(label)}
        </Typography>
        <Typography tag="dd" variant="alpha" textColor={color} data-count-value={value}>
          {value}
        </Typography>
      </Box>
    ))}
  </Flex>
);

const Issues = ({ report, t }: { report: CatalogImportReport; t: Translate }) => {
  if (report.issues.length === 0)
    return (
      <Typography textColor="success600" data-testid="catalog-no-issues">
        {t('catalog.issues.none')}
      </Typography>
    );
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  return (
    <Box>
      <Typography variant="delta" tag="h3">
        {t('catalog.issues.title', { count: report.issues.length })}
      </Typography>
      {report.issueCount > errors && (
        <Typography tag="p" textColor="neutral600">
          {t('catalog.issues.truncated', { shown: report.issues.length, count: report.issueCount })}
        </Typography>
      )}
      <Box paddingTop={2}>
        <Table colCount={4} rowCount={report.issues.length + 1} data-testid="catalog-issues">
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('catalog.issues.row')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('catalog.issues.column')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('catalog.issues.severity')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('catalog.issues.message')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {report.issues.map((issue, i) => (
              // the index is part of the key: a row may have several issues in one column
              <Tr key={`${issue.row}-${issue.column}-${i}`} data-issue-row={issue.row} data-issue-column={issue.column} data-issue-severity={issue.severity}>
                <Td>
                  <Typography>{issue.row}</Typography>
                </Td>
                <Td>
                  <Typography>{issue.column || '—'}</Typography>
                </Td>
                <Td>
                  <Typography fontWeight="bold" textColor={issue.severity === 'error' ? 'danger600' : 'warning600'}>
                    {issue.severity === 'error' ? `✕ ${t('catalog.issues.error')}` : `⚠ ${t('catalog.issues.warning')}`}
                  </Typography>
                </Td>
                <Td style={{ whiteSpace: 'normal' }}>
                  <Typography>{issue.message}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
    </Box>
  );
};

/** Upload → dry-run report → confirm → progress → final counts. */
const ImportSection = ({ organizations, t }: { organizations: Organization[]; t: Translate }) => {
  const { formatNumber } = useIntl();
  const { get, post } = useFetchClient();
  const [organization, setOrganization] = useState(organizations.length === 1 ? organizations[0].slug : '');
  const [file, setFile] = useState<File | null>(null);
  const [publish, setPublish] = useState(false);
  const [checking, setChecking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<FieldErrors | null>(null);
  const [job, setJob] = useState<CatalogImportJob | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // while the import runs, ask for its progress every second
  useEffect(() => {
    if (job?.status !== 'running') return undefined;
    let live = true;
    const timer = setTimeout(() => {
      get<{ data: CatalogImportJob }>(`/${PLUGIN_ID}/catalog-import/${job.id}`)
        .then(({ data }) => live && setJob(data.data))
        .catch((error: unknown) => live && setJob({ ...job, status: 'failed', error: errorMessage(error) }));
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [get, job]);

  const check = async () => {
    const missing: Record<string, string> = {};
    if (!organization) missing.organization = t('catalog.organization.required');
    if (!file) missing.file = t('catalog.import.file.required');
    if (Object.keys(missing).length) {
      setFailure({ message: '', fields: missing });
      return;
    }
    const form = new FormData();
    form.append('file', file as File);
    form.append('organization', organization);
    form.append('publish', publish ? 'true' : 'false');
    setChecking(true);
    setFailure(null);
    try {
      const { data } = await post<{ data: CatalogImportJob }>(`/${PLUGIN_ID}/catalog-import`, form);
      setJob(data.data);
    } catch (error) {
      setFailure(fieldErrorsOf(error));
    } finally {
      setChecking(false);
    }
  };

  const confirm = async () => {
    if (!job) return;
    setConfirming(true);
    try {
      const { data } = await post<{ data: CatalogImportJob }>(`/${PLUGIN_ID}/catalog-import/${job.id}/confirm`, {});
      setJob(data.data);
    } catch (error) {
      setFailure(fieldErrorsOf(error));
    } finally {
      setConfirming(false);
    }
  };

  const reset = () => {
    setJob(null);
    setFile(null);
    setFailure(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const FIELD_LABELS: Record<string, string> = {
    organization: t('catalog.organization'),
    file: t('catalog.import.file'),
    publish: t('catalog.import.publish'),
  };
  const fieldError = (field: string) => failure?.fields[field];
  const percent = job && job.progress.total > 0 ? Math.round((job.progress.done / job.progress.total) * 100) : 0;
  const locked = Boolean(job);

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography tag="p" textColor="neutral600">
        {t('catalog.import.help')}
      </Typography>
      <Flex gap={4} alignItems="flex-start" wrap="wrap">
        <Box minWidth="20rem">
          <OrganizationSelect
            name="organization"
            organizations={organizations}
            value={organization}
            onChange={setOrganization}
            error={fieldError('organization')}
            t={t}
            disabled={locked}
          />
        </Box>
        <Box minWidth="20rem">
          <Field.Root name="file" id="catalog-file" error={fieldError('file')} required>
            <Field.Label>{t('catalog.import.file')}</Field.Label>
            <input
              id="catalog-file"
              ref={fileInput}
              type="file"
              name="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={locked}
              aria-invalid={fieldError('file') ? true : undefined}
              data-testid="catalog-file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              style={{ font: 'inherit', padding: '6px 0' }}
            />
            <Field.Error />
          </Field.Root>
        </Box>
      </Flex>
      <Field.Root name="publish" id="catalog-publish" error={fieldError('publish')} hint={t('catalog.import.publish.hint')}>
        <Checkbox checked={publish} onCheckedChange={(v) => setPublish(v === true)} disabled={locked} data-testid="catalog-publish">
          {t('catalog.import.publish')}
        </Checkbox>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      {failure?.message && (
        <Box padding={4} background="danger100" borderColor="danger200" hasRadius role="alert" data-testid="catalog-import-error">
          <Typography textColor="danger700" fontWeight="bold">
            {t('catalog.import.error', { message: failure.message })}
          </Typography>
          {Object.keys(failure.fields).length > 0 && (
            <Box tag="ul" paddingTop={2}>
              {Object.entries(failure.fields).map(([field, message]) => (
                <li key={field} data-error-field={field}>
                  <Typography textColor="danger700">{t('catalog.fieldError', { field: FIELD_LABELS[field] ?? field, message })}</Typography>
                </li>
              ))}
            </Box>
          )}
        </Box>
      )}
      {!job && (
        <Box>
          <Button onClick={check} loading={checking} data-testid="catalog-check">
            {t('catalog.import.check')}
          </Button>
        </Box>
      )}

      {job && (
        <Flex direction="column" alignItems="stretch" gap={4} paddingTop={2} data-testid="catalog-job" data-job-status={job.status}>
          <Typography variant="delta" tag="h3">
            {t('catalog.import.report', { file: job.fileName })}
          </Typography>
          <Counts counts={job.report.counts} dryRun t={t} />
          <Typography tag="p">{t(job.publish ? 'catalog.import.willPublish' : 'catalog.import.willDraft')}</Typography>
          <Issues report={job.report} t={t} />

          {job.status === 'validated' && (
            <Flex gap={2}>
              <Button onClick={confirm} loading={confirming} disabled={job.report.counts.imported === 0} data-testid="catalog-confirm">
                {t('catalog.import.confirm')}
              </Button>
              <Button variant="tertiary" onClick={reset}>
                {t('catalog.import.cancel')}
              </Button>
              {job.report.counts.imported === 0 && <Typography textColor="neutral600">{t('catalog.import.nothing')}</Typography>}
            </Flex>
          )}

          {job.status === 'running' && (
            <Box data-testid="catalog-progress">
              <Typography tag="p" fontWeight="bold">
                {t('catalog.import.running')}
              </Typography>
              <Flex gap={4} paddingTop={2} alignItems="center">
                <ProgressBar value={percent} aria-label={t('catalog.import.running')} />
                <Typography>{t('catalog.import.progress', { done: job.progress.done, total: job.progress.total })}</Typography>
              </Flex>
            </Box>
          )}

          {job.status === 'done' && job.result && (
            <Box padding={4} background="success100" hasRadius data-testid="catalog-done" role="status">
              <Typography tag="p" fontWeight="bold" textColor="success700">
                {t('catalog.import.done', { seconds: formatNumber(job.result.seconds, { maximumFractionDigits: 1 }) })}
              </Typography>
              <Box paddingTop={2}>
                <Counts counts={job.result.counts} dryRun={false} t={t} />
              </Box>
              {job.result.interrupted && (
                <Typography tag="p" textColor="warning700">
                  {t('catalog.import.interrupted')}
                </Typography>
              )}
            </Box>
          )}

          {job.status === 'failed' && (
            <Box padding={4} background="danger100" hasRadius role="alert" data-testid="catalog-failed">
              <Typography textColor="danger700" fontWeight="bold">
                {t('catalog.import.failed', { message: job.error ?? '' })}
              </Typography>
            </Box>
          )}

          {(job.status === 'done' || job.status === 'failed') && (
            <Box>
              <Button variant="secondary" onClick={reset}>
                {t('catalog.import.again')}
              </Button>
            </Box>
          )}
        </Flex>
      )}
    </Flex>
  );
};

/** The published catalog of one organization as CSV or XLSX, downloaded with the admin token. */
const ExportSection = ({ organizations, t }: { organizations: Organization[]; t: Translate }) => {
  const { get } = useFetchClient();
  const [organization, setOrganization] = useState(organizations.length === 1 ? organizations[0].slug : '');
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    setFailure(null);
    try {
      await downloadFile(get, `/${PLUGIN_ID}/catalog-export`, { organization, format }, `catalog-${organization}.${format}`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography tag="p" textColor="neutral600">
        {t('catalog.export.help')}
      </Typography>
      <Box maxWidth="30rem">
        <OrganizationSelect name="export-organization" organizations={organizations} value={organization} onChange={setOrganization} t={t} />
      </Box>
      <Flex gap={2}>
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button
            key={format}
            variant="secondary"
            disabled={!organization || busy !== null}
            loading={busy === format}
            onClick={() => download(format)}
            data-testid={`catalog-export-${format}`}
          >
            {t(`catalog.export.${format}`)}
          </Button>
        ))}
      </Flex>
      {failure && (
        <Typography textColor="danger600" role="alert" data-testid="catalog-export-error">
          {t('catalog.export.error', { message: failure })}
        </Typography>
      )}
    </Flex>
  );
};

const Section = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius tag="section" data-testid={testId}>
    <Typography variant="beta" tag="h2">
      {title}
    </Typography>
    <Box paddingTop={4}>{children}</Box>
  </Box>
);

/** 目录导入导出: the general office's page for bringing a legacy catalog in and the published catalog out. */
export const CatalogTransferPage = () => {
  const t = usePluginT();
  const { allowedActions, isLoading } = usePermissions(PERMISSIONS);
  const organizations = useOrganizations();

  if (isLoading || organizations.state === 'loading') return <Page.Loading />;
  const list = organizations.state === 'done' ? organizations.data : [];

  return (
    <Page.Main>
      <Page.Title>{t('catalog.title')}</Page.Title>
      <Layouts.Header
        title={t('catalog.title')}
        subtitle={t('catalog.subtitle')}
        secondaryAction={<Link to={`/plugins/${PLUGIN_ID}`}>{t('tasks.title')}</Link>}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {organizations.state === 'error' && (
            <Typography textColor="danger600" role="alert">
              {t('catalog.organizations.error', { message: organizations.message })}
            </Typography>
          )}
          <Section title={t('catalog.import.title')} testId="catalog-import">
            {allowedActions.canImport ? (
              <ImportSection organizations={list} t={t} />
            ) : (
              <Typography textColor="neutral600">{t('catalog.import.noPermission')}</Typography>
            )}
          </Section>
          <Section title={t('catalog.export.title')} testId="catalog-export">
            {allowedActions.canExport ? (
              <ExportSection organizations={list} t={t} />
            ) : (
              <Typography textColor="neutral600">{t('catalog.export.noPermission')}</Typography>
            )}
          </Section>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default CatalogTransferPage;
