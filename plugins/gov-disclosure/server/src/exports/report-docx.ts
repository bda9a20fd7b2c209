import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { formLayout, type LayoutCell, type TableLayout } from '../../../shared/domain/report-layout';
import type { PublicReport } from '../../../shared/public-types';

const FONT = { ascii: 'Times New Roman', eastAsia: 'SimSun', hAnsi: 'Times New Roman' };

/** Plain paragraphs of sanitized HTML (the DOCX carries text, not markup). */
const paragraphsOf = (htmlText: string): string[] =>
  htmlText
    .split(/<\/(?:p|h[1-6]|li|tr|blockquote)>/i)
    .map((chunk) =>
      chunk
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .trim()
    )
    .filter(Boolean);

const text = (value: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, font: FONT, bold: options.bold, size: options.size ?? 24 });

const cell = (
  value: string,
  options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: number; columnSpan?: number; rowSpan?: number } = {}
) =>
  new TableCell({
    columnSpan: options.columnSpan,
    rowSpan: options.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        alignment: options.align,
        indent: options.indent ? { left: options.indent * 360 } : undefined,
        children: [text(value, { bold: options.bold, size: 21 })],
      }),
    ],
  });

const BORDERS = {
  top: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  left: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  right: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
};

/** One cell of the form, merged as the form merges it (report-layout decides). */
const layoutCell = (c: LayoutCell): TableCell => {
  switch (c.kind) {
    case 'header':
      return cell(c.text, { bold: true, align: AlignmentType.CENTER, columnSpan: c.colSpan, rowSpan: c.rowSpan });
    case 'label':
      return cell(c.text, { indent: c.indent, columnSpan: c.colSpan, rowSpan: c.rowSpan, align: c.scope === 'rowgroup' ? AlignmentType.CENTER : undefined });
    case 'block':
      return cell(c.text, { bold: true, align: AlignmentType.CENTER, columnSpan: c.colSpan });
    case 'unit':
      return cell(c.text, { align: AlignmentType.CENTER });
    default:
      return cell(c.text, { align: AlignmentType.RIGHT, columnSpan: c.colSpan });
  }
};

/** Twips across an A4 text block (~9,000): label columns get the room their wording needs. */
const columnWidths = (layout: TableLayout): number[] => {
  if (layout.labelColumns === 2 && layout.width === 3) return [6300, 1200, 1500]; // the 2008 form
  const labels = layout.labelColumns;
  const values = layout.width - labels;
  // nested group labels (三、本年度办理结果 › （三）不予公开) take narrow columns, the item label the rest
  const labelTotal = labels === 0 ? 0 : labels === 1 && values <= 3 ? 3600 : 3000;
  const labelWidths = Array.from({ length: labels }, (_, i) => (i < labels - 1 ? 700 : labelTotal - 700 * (labels - 1)));
  return [...labelWidths, ...Array.from({ length: values }, () => Math.floor((9000 - labelTotal) / values))];
};

const statisticsTable = (table: PublicReport['statistics']['tables'][number]): Table => {
  const layout = formLayout(table);
  const rows = [...layout.head, ...layout.body].map((row, i) => new TableRow({ tableHeader: i < layout.head.length, children: row.map(layoutCell) }));
  return new Table({ width: { size: 9000, type: WidthType.DXA }, columnWidths: columnWidths(layout), layout: TableLayoutType.FIXED, borders: BORDERS, rows });
};

/** The report as the Word document agencies file and print: narrative parts, then the statistics table. */
export const reportDocx = async (report: PublicReport): Promise<Buffer> => {
  const body: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [text(report.title, { bold: true, size: 36 })] }),
    ...paragraphsOf(report.prefaceHtml).map((p) => new Paragraph({ indent: { firstLine: 480 }, children: [text(p)] })),
  ];
  for (const section of report.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(section.title, { bold: true, size: 28 })] }));
    body.push(...paragraphsOf(section.html).map((p) => new Paragraph({ indent: { firstLine: 480 }, children: [text(p)] })));
  }
  for (const table of report.statistics.tables) {
    const caption = table.columns.length === 1 ? `${table.title}（${report.year}年度）` : table.title;
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER, children: [text(caption, { bold: true, size: 28 })] }));
    body.push(statisticsTable(table));
    body.push(...table.notes.map((note) => new Paragraph({ children: [text(note, { size: 21 })] })));
  }
  const doc = new Document({
    creator: report.organization.name,
    title: report.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{ properties: {}, children: body }],
  });
  return Packer.toBuffer(doc);
};
