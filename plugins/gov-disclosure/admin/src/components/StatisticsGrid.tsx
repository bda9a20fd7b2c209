import { useMemo } from 'react';
import { Box } from '@strapi/design-system';
import type { CheckFinding } from '../../../shared/domain/report-checks';
import { formLayout, localizeTable, type LayoutCell } from '../../../shared/domain/report-layout';
import { cellLabel, type ReportTemplate, type TemplateTable } from '../../../shared/domain/report-templates';
import type { Translate } from '../utils/use-plugin-t';

export type Finding = { kind: 'error' | 'warning'; finding: CheckFinding };

interface Props {
  template: ReportTemplate;
  table: TemplateTable;
  raw: Record<string, string>;
  onChange: (cell: string, text: string) => void;
  findings: Map<string, Finding>;
  /** Cells the product computes from its data: each opens the records it counted. */
  computed: Record<string, unknown>;
  onOpenRecords: (cell: string) => void;
  lang: 'zh' | 'en';
  t: Translate;
}

const COLOR = { error: '#d02b20', warning: '#b86e00' };
const BORDER = '1px solid #c0c0cf';

const span = (cell: LayoutCell) => ({
  colSpan: 'colSpan' in cell && cell.colSpan > 1 ? cell.colSpan : undefined,
  rowSpan: 'rowSpan' in cell && cell.rowSpan > 1 ? cell.rowSpan : undefined,
});

/**
 * One statistics table as an editable grid drawn like the official form (merged group labels,
 * stacked column headings: shared/domain/report-layout.ts), with the checks live beside the cells.
 */
export const StatisticsGrid = ({ template, table, raw, onChange, findings, computed, onOpenRecords, lang, t }: Props) => {
  const layout = useMemo(() => formLayout(localizeTable(table, {}, lang)), [table, lang]);
  const unitOf = useMemo(() => new Map(table.columns.filter((c) => c.unitInCell).map((c) => [c.id, c.unit])), [table]);

  const render = (cell: LayoutCell, key: number) => {
    const common = { ...span(cell), style: { border: BORDER, padding: '4px 6px', verticalAlign: 'middle' as const } };
    switch (cell.kind) {
      case 'header':
        return cell.scope ? (
          <th key={key} scope={cell.scope} {...common} style={{ ...common.style, textAlign: 'center', background: '#f6f6f9' }}>
            {cell.text}
          </th>
        ) : (
          <td key={key} {...common} style={{ ...common.style, textAlign: 'center', fontSize: '0.85em', background: '#f6f6f9' }}>
            {cell.text}
          </td>
        );
      case 'label':
        return (
          <th
            key={key}
            scope={cell.scope}
            {...common}
            style={{ ...common.style, textAlign: cell.scope === 'rowgroup' ? 'center' : 'left', fontWeight: 400, paddingLeft: 8 + cell.indent * 16 }}
          >
            {cell.text}
          </th>
        );
      case 'block':
        return (
          <th key={key} scope="colgroup" {...common} style={{ ...common.style, textAlign: 'center' }}>
            {cell.text}
          </th>
        );
      case 'unit':
        return (
          <td key={key} style={{ ...common.style, textAlign: 'center' }}>
            {cell.text}
          </td>
        );
      default: {
        const status = findings.get(cell.id);
        const isComputed = cell.id in computed;
        const label = cellLabel(template, cell.id, lang);
        return (
          <td key={key} {...common} style={{ ...common.style, padding: 2, whiteSpace: 'nowrap' }}>
            <input
              aria-label={label}
              aria-invalid={status?.kind === 'error' ? true : undefined}
              aria-describedby={status ? `finding-${cell.id}` : undefined}
              title={isComputed ? t('report.cell.computed') : t('report.cell.typed')}
              data-cell={cell.id}
              data-status={status?.kind ?? 'ok'}
              data-computed={isComputed ? 'true' : undefined}
              inputMode="decimal"
              value={raw[cell.id] ?? ''}
              onChange={(e) => onChange(cell.id, e.target.value)}
              style={{
                width: '6em',
                textAlign: 'right',
                padding: '2px 4px',
                font: 'inherit',
                border: `${status ? 2 : 1}px solid ${status ? COLOR[status.kind] : '#c0c0cf'}`,
                // computed cells carry a blue edge (an inset shadow, so the border stays one shorthand)
                boxShadow: isComputed && !status ? 'inset 3px 0 0 #4945ff' : undefined,
                background: status?.kind === 'error' ? '#fcecea' : status?.kind === 'warning' ? '#fdf4dc' : 'white',
              }}
            />
            {unitOf.has(cell.column) && <span aria-hidden="true"> {unitOf.get(cell.column)}</span>}
            {isComputed && (
              <button
                type="button"
                data-records={cell.id}
                aria-label={t('report.records.open', { label })}
                title={t('report.records.open', { label })}
                onClick={() => onOpenRecords(cell.id)}
                style={{ marginLeft: 2, border: 0, background: 'none', color: '#4945ff', cursor: 'pointer', font: 'inherit', padding: '0 2px' }}
              >
                ≡
              </button>
            )}
          </td>
        );
      }
    }
  };

  return (
    <Box paddingBottom={6} style={{ overflowX: 'auto' }}>
      <table className="gd-grid" data-table={table.id} style={{ borderCollapse: 'collapse', width: '100%' }}>
        <caption style={{ textAlign: 'left', fontWeight: 700, padding: '4px 0' }}>{lang === 'en' ? table.titleEn : table.title}</caption>
        {layout.head.length > 0 && (
          <thead>
            {layout.head.map((row, i) => (
              <tr key={i}>{row.map(render)}</tr>
            ))}
          </thead>
        )}
        <tbody>
          {layout.body.map((row, i) => (
            <tr key={i}>{row.map(render)}</tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
};
