/**
 * A first draft of the report's narrative on requests (section 三) from the statistics table as
 * it stands — computed from the register or typed — so the prose and the table say the same.
 * The office edits the draft; nothing is invented: a figure the table lacks is left out.
 */
import { APPLICANT_COLUMNS } from './report-templates/since-2019';
import type { StatisticsValues } from './statistics-values';

const GROUPS: Array<[string, string, number]> = [
  ['t3.r3', '不予公开', 8],
  ['t3.r4', '无法提供', 3],
  ['t3.r5', '不予处理', 5],
  ['t3.r6', '其他处理', 3],
];

const n = (values: StatisticsValues, cell: string): number | null => {
  const v = values[cell];
  return typeof v === 'number' ? v : null;
};

const joined = (parts: string[]) => parts.join('，');

const since2019 = (year: number, v: StatisticsValues): string | null => {
  const received = n(v, 't3.new:total');
  const decided = n(v, 't3.r7:total');
  if (received === null || decided === null) return null;
  const types = APPLICANT_COLUMNS.filter((c) => c.id !== 'total')
    .map((c) => [c.label, n(v, `t3.new:${c.id}`)] as const)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([label, count]) => `${label}${count}件`);
  const carried = n(v, 't3.carried:total');
  const first = `${year}年，本机关共收到政府信息公开申请${received}件${carried !== null ? `，上年结转${carried}件` : ''}。${
    types.length > 0 ? `按申请人类型分：${joined(types)}。` : ''
  }`;
  const outcomes: string[] = [];
  const disclosed = n(v, 't3.r1:total');
  const partly = n(v, 't3.r2:total');
  if (disclosed) outcomes.push(`予以公开${disclosed}件`);
  if (partly) outcomes.push(`部分公开${partly}件`);
  for (const [row, label, items] of GROUPS) {
    // the 2019 trial form's （六） is one row; the other groups have numbered items
    const parts = Array.from({ length: items }, (_, i) => n(v, `${row}.${i + 1}:total`) ?? 0);
    const total = parts.reduce((a, b) => a + b, 0) + (n(v, `${row}:total`) ?? 0);
    if (total > 0) outcomes.push(`${label}${total}件`);
  }
  const next = n(v, 't3.next:total');
  const second = `本年度办理完结${decided}件${outcomes.length > 0 ? `，其中${joined(outcomes)}` : ''}${next !== null ? `；结转下年度继续办理${next}件` : ''}。`;
  return `${first}${second}`;
};

const form2008 = (year: number, v: StatisticsValues): string | null => {
  const received = n(v, '3.1');
  if (received === null) return null;
  const channels = (
    [
      ['当面申请', '3.1.1'],
      ['传真申请', '3.1.2'],
      ['网络申请', '3.1.3'],
      ['信函申请', '3.1.4'],
    ] as const
  )
    .map(([label, cell]) => [label, n(v, cell)] as const)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([label, count]) => `${label}${count}件`);
  const decided = n(v, '3.2');
  const onTime = n(v, '3.2.1');
  const extended = n(v, '3.2.2');
  const concluded =
    decided === null ? '' : `办结${decided}件${onTime !== null || extended !== null ? `，其中按时办结${onTime ?? 0}件、延期办结${extended ?? 0}件` : ''}。`;
  return `${year}年，本机关共收到政府信息公开申请${received}件${channels.length > 0 ? `，其中${channels.join('、')}` : ''}；${concluded}`;
};

/** The draft of section 三 for this template and year, or null when the table has not its figures yet. */
export const draftRequestsSection = (templateId: string, year: number, values: StatisticsValues): string | null =>
  templateId === '2008' ? form2008(year, values) : templateId === '2019' || templateId === '2021' ? since2019(year, values) : null;
