import type { PublicReport } from '../../../shared/public-types';
import { html, trusted } from '../portal-views/html';
import { reportTables } from '../portal-views/report-table';

const PRINT_STYLE = `
@page{size:A4;margin:2cm}body{font:12pt/1.6 "Noto Serif CJK SC","SimSun",serif;color:#000;max-width:48rem;margin:0 auto}
h1{text-align:center;font-size:18pt}h2{font-size:14pt}table{border-collapse:collapse;width:100%;page-break-inside:auto}
th,td{border:1px solid #000;padding:2pt 4pt;text-align:left}td.num,th.num{text-align:right}td.unit{text-align:center}
.lvl-1{padding-left:1.5em}.lvl-2{padding-left:3em}.lvl-3{padding-left:4.5em}caption{font-weight:700;text-align:center}
thead th,th.block,td.corner{text-align:center;vertical-align:middle}th[scope=rowgroup]{vertical-align:middle}td.corner{font-size:10pt}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}tr{page-break-inside:avoid}
`;

/** The report as one printable page (A4), for printing or saving as PDF from the browser. */
export const reportPrintableHtml = (report: PublicReport, locale: string): string =>
  `<!doctype html>${html`<html lang="${locale === 'en' ? 'en' : 'zh-Hans'}"><head><meta charset="utf-8"><title>${report.title}</title><style>${PRINT_STYLE}</style></head>
<body>
<h1>${report.title}</h1>
${trusted(report.prefaceHtml)}
${report.sections.map((s) => html`<h2>${s.title}</h2>${trusted(s.html)}`)}
${reportTables(report, locale)}
</body></html>`}`;
