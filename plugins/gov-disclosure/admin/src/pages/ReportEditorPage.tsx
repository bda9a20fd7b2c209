import { useCallback, useEffect, useMemo, useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PLUGIN_ID, UID } from '../../../shared/constants';
import { checkStatistics, type CheckFinding } from '../../../shared/domain/report-checks';
import { REPORT_TEMPLATES, cellIdOf, type ReportTemplate, type TemplateRow, type TemplateTable } from '../../../shared/domain/report-templates';
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

const cellExists = (row: TemplateRow, columnId: string) =>
  !(row.omitColumns ?? []).includes(columnId) && (!row.onlyColumns || row.onlyColumns.includes(columnId));

const COLOR = { error: '#d02b20', warning: '#b86e00' };

/** The statistics table as an editable grid laid out like the form, with the checks live beside the cells. */
const Grid = ({ table, raw, onChange, findings, en }: { table: TemplateTable; raw: Raw; onChange: (cell: string, text: string) => void; findings: Map<string, { kind: 'error' | 'warning'; finding: CheckFinding }>; en: boolean }) => {
  const single = table.columns.length === 1;
  const groups = table.columns.some((c) => c.group);
  return (
    <Box paddingBottom={6} style={{ overflowX: 'auto' }}>
      <table className="gd-grid" style={{ borderCollapse: 'collapse', width: '100%' }}>
        <caption style={{ textAlign: 'left', fontWeight: 700, padding: '4px 0' }}>{en ? table.titleEn : table.title}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={groups ? 2 : 1} style={{ textAlign: 'left' }}>{en ? 'Indicator' : '统计指标'}</th>
            {single && <th scope="col">{en ? 'Unit' : '单位'}</th>}
            {!groups && table.columns.map((c) => <th key={c.id} scope="col">{en ? c.labelEn : c.label}</th>)}
            {groups &&
              table.columns.map((c, i) =>
                !c.group ? (
                  <th key={c.id} scope="col" rowSpan={2}>{en ? c.labelEn : c.label}</th>
                ) : i === 0 || table.columns[i - 1].group !== c.group ? (
                  <th key={`${c.group}-${c.id}`} scope="colgroup" colSpan={table.columns.filter((x) => x.group === c.group).length}>{en ? c.groupEn : c.group}</th>
                ) : null
              )}
          </tr>
          {groups && <tr>{table.columns.filter((c) => c.group).map((c) => <th key={c.id} scope="col">{en ? c.labelEn : c.label}</th>)}</tr>}
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" style={{ textAlign: 'left', paddingLeft: `${8 + row.level * 16}px`, fontWeight: row.level === 0 ? 700 : 400 }}>{en ? row.labelEn : row.label}</th>
              {single && <td style={{ textAlign: 'center' }}>{row.heading && !row.totalOfParts ? '——' : row.unit}</td>}
              {table.columns.map((column) => {
                if (!cellExists(row, column.id)) return <td key={column.id} />;
                const id = cellIdOf(table, row, column);
                const status = findings.get(id);
                return (
                  <td key={column.id} style={{ padding: 2 }}>
                    <input
                      aria-label={`${en ? row.labelEn : row.label}${single ? '' : ` · ${en ? column.labelEn : column.label}`}`}
                      aria-invalid={status?.kind === 'error' ? true : undefined}
                      aria-describedby={status ? `finding-${id}` : undefined}
                      data-cell={id}
                      data-status={status?.kind ?? 'ok'}
                      inputMode="decimal"
                      value={raw[id] ?? ''}
                      onChange={(e) => onChange(id, e.target.value)}
                      style={{
                        width: '6.5em', textAlign: 'right', padding: '2px 4px', font: 'inherit',
                        border: `${status ? 2 : 1}px solid ${status ? COLOR[status.kind] : '#c0c0cf'}`,
                        background: status?.kind === 'error' ? '#fcecea' : status?.kind === 'warning' ? '#fdf4dc' : 'white',
                      }}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
};

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

  const values: Values = useMemo(() => Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, toValue(v)])), [raw]);
  const result = useMemo(() => (template ? checkStatistics(template.id, values, en ? 'en' : 'zh') : { errors: [], warnings: [] }), [template, values, en]);
  const findings = useMemo(() => {
    const map = new Map<string, { kind: 'error' | 'warning'; finding: CheckFinding }>();
    for (const w of result.warnings) map.set(w.cell, { kind: 'warning', finding: w });
    for (const e of result.errors) map.set(e.cell, { kind: 'error', finding: e });
    return map;
  }, [result]);

  const save = async () => {
    setSaving(true);
    try {
      await put(`/content-manager/collection-types/${UID.annualReport}/${documentId}?locale=${locale}`, { statistics: values, ...narrative });
      toggleNotification({ type: 'success', message: t('report.saved') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setSaving(false);
    }
  };

  const fill = async () => {
    try {
      const { data } = await post<{ data: { diff: Array<{ cell: string; stored: number | null; computed: number }> } }>(`/${PLUGIN_ID}/annual-reports/${documentId}/compute?locale=${locale}`, {});
      setDiff(data.data.diff.map((d) => ({ ...d, take: true })));
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
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
        primaryAction={<Button onClick={save} loading={saving} disabled={result.errors.length > 0} data-testid="report-save">{t('report.save')}</Button>}
        secondaryAction={<Link to={`/content-manager/collection-types/${UID.annualReport}/${documentId}?plugins[i18n][locale]=${locale}`}>{t('report.narrative')}</Link>}
      />
      <Layouts.Content>
        <Flex alignItems="flex-start" gap={6}>
          <Box flex="1" background="neutral0" padding={6} shadow="tableShadow" hasRadius style={{ minWidth: 0 }}>
            <Flex justifyContent="space-between" paddingBottom={4}>
              <Typography variant="delta" tag="h2">{t('report.statistics')}</Typography>
              <Button variant="secondary" onClick={fill} data-testid="report-fill">{t('report.fill')}</Button>
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
                            {d.cell}: {d.stored ?? '—'} → {d.computed}
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
            {template.tables.map((table) => (
              <Grid key={table.id} table={table} raw={raw} findings={findings} en={en} onChange={(cell, text) => setRaw({ ...raw, [cell]: text })} />
            ))}
            <Typography variant="delta" tag="h2">{t('report.sections')}</Typography>
            {[{ field: 'preface', title: t('report.preface') }, ...template.sections.map((sec) => ({ field: sec.field, title: en ? sec.titleEn : sec.title }))].map(({ field, title }) => (
              <Box key={field} paddingTop={4}>
                <Flex justifyContent="space-between">
                  <label htmlFor={`section-${field}`}><Typography fontWeight="bold">{title}</Typography></label>
                  <Button variant="tertiary" size="S" onClick={() => togglePreview(field)}>{previews[field] ? t('report.edit') : t('report.preview')}</Button>
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
            <Typography variant="delta" tag="h2">{t('report.checks', { errors: result.errors.length, warnings: result.warnings.length })}</Typography>
            <Box tag="ul" paddingTop={2} data-testid="report-findings">
              {[...result.errors.map((f) => ({ kind: 'error' as const, f })), ...result.warnings.map((f) => ({ kind: 'warning' as const, f }))].map(({ kind, f }) => (
                <li key={`${kind}-${f.check ?? ''}-${f.cell}`} id={`finding-${f.cell}`} data-finding={kind} data-finding-cell={f.cell} style={{ color: COLOR[kind], marginBottom: 8 }}>
                  <Typography textColor={kind === 'error' ? 'danger600' : 'warning600'}>{f.message}</Typography>
                </li>
              ))}
            </Box>
            {result.errors.length === 0 && result.warnings.length === 0 && <Typography textColor="success600" data-testid="report-clean">{t('report.clean')}</Typography>}
            <Box paddingTop={6}>
              <Typography variant="delta" tag="h2">{t('workflow.title')}</Typography>
              <Box paddingTop={2}>
                <WorkflowPanelBody uid={UID.annualReport} documentId={documentId} locale={locale} />
              </Box>
            </Box>
            <Box paddingTop={4}>
              {(['docx', 'csv', 'html'] as const).map((format) => (
                <Box key={format} paddingBottom={1}>
                  <a href={`/${PLUGIN_ID}/annual-reports/${documentId}/export?format=${format}&locale=${locale}`} onClick={async (e) => {
                    e.preventDefault();
                    await downloadFile(get, `/${PLUGIN_ID}/annual-reports/${documentId}/export`, { format, locale }, `${report.year}-annual-report.${format}`).catch((error: unknown) =>
                      toggleNotification({ type: 'danger', message: errorMessage(error) })
                    );
                  }}>{t(`report.export.${format}`)}</a>
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
