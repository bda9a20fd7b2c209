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
  WidthType,
} from 'docx';
import type { PublicReport } from '../../../shared/public-types';

const FONT = { ascii: 'Times New Roman', eastAsia: 'SimSun', hAnsi: 'Times New Roman' };

/** Plain paragraphs of sanitized HTML (the DOCX carries text, not markup). */
const paragraphsOf = (htmlText: string): string[] =>
  htmlText
    .split(/<\/(?:p|h[1-6]|li|tr|blockquote)>/i)
    .map((chunk) => chunk.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim())
    .filter(Boolean);

const text = (value: string, options: { bold?: boolean; size?: number } = {}) => new TextRun({ text: value, font: FONT, bold: options.bold, size: options.size ?? 24 });

const cell = (value: string, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: number; columnSpan?: number } = {}) =>
  new TableCell({
    columnSpan: options.columnSpan,
    children: [new Paragraph({ alignment: options.align, indent: options.indent ? { left: options.indent * 360 } : undefined, children: [text(value, { bold: options.bold, size: 21 })] })],
  });

const BORDERS = {
  top: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  left: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  right: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
  insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
};

const statisticsTable = (table: PublicReport['statistics']['tables'][number]): Table => {
  const single = table.columns.length === 1;
  const header = single
    ? [cell('统计指标', { bold: true }), cell('单位', { bold: true, align: AlignmentType.CENTER }), cell('统计数', { bold: true, align: AlignmentType.RIGHT })]
    : [cell('', { bold: true }), ...table.columns.map((c) => cell(c.group ? `${c.group}：${c.label}` : c.label, { bold: true, align: AlignmentType.CENTER }))];
  const rows = table.rows.map((row) => {
    const value = (i: number) => {
      const c = row.cells[i];
      return c && c.value !== null ? String(c.value) : '';
    };
    if (single) {
      return new TableRow({ children: [cell(row.label, { indent: row.level }), cell(row.heading ? '——' : row.unit ?? '', { align: AlignmentType.CENTER }), cell(value(0), { align: AlignmentType.RIGHT })] });
    }
    return new TableRow({ children: [cell(row.label, { indent: row.level }), ...table.columns.map((_, i) => cell(row.cells[i] ? value(i) : '—', { align: AlignmentType.RIGHT }))] });
  });
  // Twips across an A4 text block (~9,000): the indicator column gets the room its wording needs.
  const columnWidths = single ? [6300, 1200, 1500] : [2600, ...table.columns.map(() => Math.floor(6400 / table.columns.length))];
  return new Table({ width: { size: 9000, type: WidthType.DXA }, columnWidths, layout: TableLayoutType.FIXED, borders: BORDERS, rows: [new TableRow({ tableHeader: true, children: header }), ...rows] });
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
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER, children: [text(`${table.title}（${report.year}年度）`, { bold: true, size: 28 })] }));
    body.push(statisticsTable(table));
  }
  const doc = new Document({
    creator: report.organization.name,
    title: report.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{ properties: {}, children: body }],
  });
  return Packer.toBuffer(doc);
};
