import { useCallback, useEffect, useMemo, useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PLUGIN_ID, UID } from '../../../shared/constants';
import { checkStatistics } from '../../../shared/domain/report-checks';
import { draftRequestsSection } from '../../../shared/domain/report-narrative';
import { REPORT_TEMPLATES, cellLabel, type ReportTemplate } from '../../../shared/domain/report-templates';
import { cellSources, coverageOf } from '../../../shared/domain/report-sources';
import type { ReportComputeResponse } from '../../../shared/types';
import { CellRecordsDialog } from '../components/CellRecordsDialog';
import { StatisticsGrid, type Finding } from '../components/StatisticsGrid';
import { WorkflowPanelBody } from '../components/WorkflowPanel';
import { usePluginT } from '../utils/use-plugin-t';
import { errorMessage } from '../utils/errors';
import { downloadFile } from '../utils/download';

type Raw = Record<string, string>;
type Values = Record<string, number | string | null>;

interface ReportDoc {
  documentId: string;
  title: string;
  year: number;
  template: string;
  statistics: Record<string, number | null> | null;
  [section: string]: unknown;
}

const toValue = (text: string): number | string | null => {
  const t = text.trim();
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t; // anything else stays text and is reported as an error
};

const COLOR = { error: '#d02b20', warning: '#b86e00' };

export const ReportEditorPage = () => {
  const { documentId = '' } = useParams();
  const [search] = useSearchParams();
  const locale = search.get('locale') ?? 'zh-Hans';
  const { locale: uiLocale } = useIntl();
  const en = uiLocale.startsWith('en');
  const t = usePluginT();
  const { get, put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [report, setReport] = useState<ReportDoc | null>(null);
  const [template, setTemplate] = useState<ReportTemplate | null>(null);
  const [raw, setRaw] = useState<Raw>({});
  const [diff, setDiff] = useState<Array<{ cell: string; stored: number | null; computed: number; take: boolean }> | null>(null);
  const [saving, setSaving] = useState(false);
  const [narrative, setNarrative] = useState<Record<string, string>>({});
  const [previews, setPreviews] = useState<Record<string, string | null>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [computedNow, setComputedNow] = useState<Record<string, number | null> | null>(null);
  const [recordsCell, setRecordsCell] = useState<string | null>(null);
  const closeRecords = useCallback(() => setRecordsCell(null), []);

  const load = useCallback(async () => {
    try {
      const { data } = await get<{ data: ReportDoc }>(`/content-manager/collection-types/${UID.annualReport}/${documentId}`, { params: { locale } });
      // the templates ship with the plugin, on both sides
      const tpl = REPORT_TEMPLATES[data.data.template];
      if (!tpl) throw new Error(`Unknown report template ${data.data.template}`);
      setReport(data.data);
      setTemplate(tpl);
      setRaw(Object.fromEntries(Object.entries(data.data.statistics ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)])));
      setNarrative(Object.fromEntries(['preface', ...tpl.sections.map((sec) => sec.field)].map((f) => [f, String(data.data[f] ?? '')])));
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }, [get, documentId, locale]);

  useEffect(() => {
    void load();
  }, [load]);

  // What the data says now, to show which filled cells came from it (the office's; others see no count).
  useEffect(() => {
    let live = true;
    post<ReportComputeResponse>(`/${PLUGIN_ID}/annual-reports/${documentId}/compute?locale=${locale}`, {})
      .then((res) => live && setComputedNow(res.data.data.computed))
      .catch(() => live && setComputedNow(null));
    return () => {
      live = false;
    };
  }, [post, documentId, locale]);

  const values: Values = useMemo(() => Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, toValue(v)])), [raw]);
  const result = useMemo(() => (template ? checkStatistics(template.id, values, en ? 'en' : 'zh') : { errors: [], warnings: [] }), [template, values, en]);
  const sources = useMemo(() => (template ? cellSources(template.id) : {}), [template]);
  const coverage = useMemo(() => {
    if (!template) return null;
    const filled = Object.entries(values).filter(([, v]) => typeof v === 'number');
    const fromData = computedNow ? filled.filter(([cell, v]) => cell in sources && computedNow[cell] === v).length : null;
    return { ...coverageOf(template.id), filled: filled.length, fromData };
  }, [template, values, computedNow, sources]);
  const retained = useMemo(
    () => (template?.retiredCells ?? []).filter((c) => (raw[c.id] ?? '').trim() !== '').map((c) => ({ ...c, text: raw[c.id] })),
    [template, raw]
  );
  const findings = useMemo(() => {
    const map = new Map<string, Finding>();
    for (const w of result.warnings) map.set(w.cell, { kind: 'warning', finding: w });
    for (const e of result.errors) map.set(e.cell, { kind: 'error', finding: e });
    return map;
  }, [result]);

  const save = async () => {
    setSaving(true);
    try {
      // a cleared cell the form no longer has leaves the table altogether
      const retired = new Set((template?.retiredCells ?? []).map((c) => c.id));
      const statistics = Object.fromEntries(Object.entries(values).filter(([cell, v]) => !(retired.has(cell) && v === null)));
      await put(`/content-manager/collection-types/${UID.annualReport}/${documentId}?locale=${locale}`, { statistics, ...narrative });
      toggleNotification({ type: 'success', message: t('report.saved') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };

  const fill = async () => {
    try {
      const { data } = await post<ReportComputeResponse>(`/${PLUGIN_ID}/annual-reports/${documentId}/compute?locale=${locale}`, {});
      setComputedNow(data.data.computed);
      setDiff(data.data.diff.map((d) => ({ ...d, take: true })));
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  /** Section 三 drafted from the table as it stands (the office edits it); a text already there is kept unless replaced on purpose. */
  const draftSection3 = () => {
    if (!template || !report) return;
    const numbers = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? v : null]));
    const draft = draftRequestsSection(template.id, report.year, numbers);
    if (!draft) {
      setFailure(t('report.draftSection3.noFigures'));
      return;
    }
    const current = narrative.section3 ?? '';
    if (current.trim() && !window.confirm(t('report.draftSection3.replace'))) return;
    setNarrative({ ...narrative, section3: draft });
  };

  const togglePreview = async (field: string) => {
    if (previews[field] !== undefined && previews[field] !== null) {
      setPreviews({ ...previews, [field]: null });
      return;
    }
    try {
      const { data } = await post<{ data: { html: string } }>(`/${PLUGIN_ID}/markdown/preview`, { markdown: narrative[field] ?? '' });
      setPreviews({ ...previews, [field]: data.data.html });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  if (failure) return <Page.Error />;
  if (!report || !template) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{report.title}</Page.Title>
      <Layouts.Header
        title={report.title}
        subtitle={`${en ? template.titleEn : template.title} · ${report.year}`}
        primaryAction={
          <Button onClick={save} loading={saving} disabled={result.errors.length > 0} data-testid="report-save">
            {t('report.save')}
          </Button>
        }
        secondaryAction={
          <Link to={`/content-manager/collection-types/${UID.annualReport}/${documentId}?plugins[i18n][locale]=${locale}`}>{t('report.narrative')}</Link>
        }
      />
      <Layouts.Content>
        <Flex alignItems="flex-start" gap={6}>
          <Box flex="1" background="neutral0" padding={6} shadow="tableShadow" hasRadius style={{ minWidth: 0 }}>
            <Flex justifyContent="space-between" paddingBottom={4}>
              <Typography variant="delta" tag="h2">
                {t('report.statistics')}
              </Typography>
              <Button variant="secondary" onClick={fill} data-testid="report-fill">
                {t('report.fill')}
              </Button>
            </Flex>
            {diff && (
              <Box paddingBottom={4} data-testid="report-diff">
                {diff.length === 0 ? (
                  <Typography>{t('report.diff.none')}</Typography>
                ) : (
                  <>
                    <Typography tag="p">{t('report.diff.title')}</Typography>
                    <ul>
                      {diff.map((d, i) => (
                        <li key={d.cell}>
                          <label>
                            <input type="checkbox" checked={d.take} onChange={() => setDiff(diff.map((x, j) => (j === i ? { ...x, take: !x.take } : x)))} />{' '}
                            {cellLabel(template, d.cell, en ? 'en' : 'zh')}: {d.stored ?? '—'} → {d.computed}
                          </label>
                        </li>
                      ))}
                    </ul>
                    <Button
                      variant="tertiary"
                      onClick={() => {
                        setRaw({ ...raw, ...Object.fromEntries(diff.filter((d) => d.take).map((d) => [d.cell, String(d.computed)])) });
                        setDiff(null);
                      }}
                    >
                      {t('report.diff.apply')}
                    </Button>
                  </>
                )}
              </Box>
            )}
            {coverage && (
              <Box paddingBottom={4} data-testid="report-coverage">
                <Typography tag="p">{t('report.coverage.template', { cells: coverage.cells, computed: coverage.computed, typed: coverage.typed })}</Typography>
                {coverage.fromData !== null && (
                  <Typography tag="p" textColor="neutral600">
                    {t('report.coverage.report', { filled: coverage.filled, fromData: coverage.fromData, typed: coverage.filled - coverage.fromData })}
                  </Typography>
                )}
              </Box>
            )}
            {retained.length > 0 && (
              <Box padding={4} marginBottom={4} background="warning100" hasRadius data-testid="report-retired">
                <Typography tag="p" fontWeight="bold">
                  {t('report.retired.title')}
                </Typography>
                <Box tag="ul" paddingTop={2}>
                  {retained.map((c) => (
                    <li key={c.id} data-retired-cell={c.id}>
                      <Flex gap={2} alignItems="center">
                        <Typography>{t('report.retired.cell', { label: en ? c.labelEn : c.label, id: c.id, value: c.text })}</Typography>
                        <Button variant="tertiary" size="S" onClick={() => setRaw((current) => ({ ...current, [c.id]: '' }))}>
                          {t('report.retired.clear')}
                        </Button>
                      </Flex>
                    </li>
                  ))}
                </Box>
              </Box>
            )}
            {template.tables.map((table) => (
              <StatisticsGrid
                key={table.id}
                template={template}
                table={table}
                raw={raw}
                findings={findings}
                computed={computedNow ? sources : {}}
                onOpenRecords={setRecordsCell}
                lang={en ? 'en' : 'zh'}
                t={t}
                onChange={(cell, text) => setRaw((current) => ({ ...current, [cell]: text }))}
              />
            ))}
            {recordsCell && <CellRecordsDialog documentId={documentId} locale={locale} cell={recordsCell} onClose={closeRecords} t={t} />}
            <Typography variant="delta" tag="h2">
              {t('report.sections')}
            </Typography>
            {[
              { field: 'preface', title: t('report.preface') },
              ...template.sections.map((sec) => ({ field: sec.field, title: en ? sec.titleEn : sec.title })),
            ].map(({ field, title }) => (
              <Box key={field} paddingTop={4}>
                <Flex justifyContent="space-between">
                  <label htmlFor={`section-${field}`}>
                    <Typography fontWeight="bold">{title}</Typography>
                  </label>
                  <Flex gap={2}>
                    {field === 'section3' && (
                      <Button variant="tertiary" size="S" onClick={() => draftSection3()} data-testid="draft-section3">
                        {t('report.draftSection3')}
                      </Button>
                    )}
                    <Button variant="tertiary" size="S" onClick={() => togglePreview(field)}>
                      {previews[field] ? t('report.edit') : t('report.preview')}
                    </Button>
                  </Flex>
                </Flex>
                {previews[field] ? (
                  // HTML rendered and sanitized by the server, as the portal shows it
                  <Box padding={3} background="neutral100" className="gd-preview" dangerouslySetInnerHTML={{ __html: previews[field] as string }} />
                ) : (
                  <textarea
                    id={`section-${field}`}
                    value={narrative[field] ?? ''}
                    onChange={(e) => setNarrative({ ...narrative, [field]: e.target.value })}
                    rows={6}
                    style={{ width: '100%', font: 'inherit', padding: 8, marginTop: 4 }}
                  />
                )}
              </Box>
            ))}
          </Box>
          <Box width="24rem" background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography variant="delta" tag="h2">
              {t('report.checks', { errors: result.errors.length, warnings: result.warnings.length })}
            </Typography>
            <Box tag="ul" paddingTop={2} data-testid="report-findings">
              {[...result.errors.map((f) => ({ kind: 'error' as const, f })), ...result.warnings.map((f) => ({ kind: 'warning' as const, f }))].map(
                ({ kind, f }) => (
                  <li
                    key={`${kind}-${f.check ?? ''}-${f.cell}`}
                    id={`finding-${f.cell}`}
                    data-finding={kind}
                    data-finding-cell={f.cell}
                    style={{ color: COLOR[kind], marginBottom: 8 }}
                  >
                    <Typography textColor={kind === 'error' ? 'danger600' : 'warning600'}>{f.message}</Typography>
                  </li>
                )
              )}
            </Box>
            {result.errors.length === 0 && result.warnings.length === 0 && (
              <Typography textColor="success600" data-testid="report-clean">
                {t('report.clean')}
              </Typography>
            )}
            <Box paddingTop={6}>
              <Typography variant="delta" tag="h2">
                {t('workflow.title')}
              </Typography>
              <Box paddingTop={2}>
                <WorkflowPanelBody uid={UID.annualReport} documentId={documentId} locale={locale} />
              </Box>
            </Box>
            <Box paddingTop={4}>
              {(['docx', 'csv', 'html'] as const).map((format) => (
                <Box key={format} paddingBottom={1}>
                  <a
                    href={`/${PLUGIN_ID}/annual-reports/${documentId}/export?format=${format}&locale=${locale}`}
                    onClick={async (e) => {
                      e.preventDefault();
                      await downloadFile(
                        get,
                        `/${PLUGIN_ID}/annual-reports/${documentId}/export`,
                        { format, locale },
                        `${report.year}-annual-report.${format}`
                      ).catch((error: unknown) => toggleNotification({ type: 'danger', message: errorMessage(error) }));
                    }}
                  >
                    {t(`report.export.${format}`)}
                  </a>
                </Box>
              ))}
            </Box>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ReportEditorPage;
