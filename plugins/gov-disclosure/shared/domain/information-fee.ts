/**
 * 信息处理费 (information processing fee) for disclosure on request, 国办函〔2020〕109号
 * 《政府信息公开信息处理费管理办法》 (in force 2021-01-01). Pure: no Node or Strapi imports, so the
 * admin panel (fee notice preview) and the server compute the same amount.
 *
 * - 第三条: 按件计收 or 按量计收, both 超额累进 (each band's price applies only to the part inside the
 *   band); one method per application, never both for the same application.
 * - 第四条 按件计收, per applicant per natural (calendar) month, cumulative: 1–10 free; 11–30 ¥100/件;
 *   from 31 on, bands of 10, each band ¥100/件 more than the one before (31–40 ¥200, 41–50 ¥300, …).
 *   The month's count is of everything the applicant applied for (累计申请, after 一事一申请 splitting),
 *   free items included, so earlierItemsThisMonth is every earlier item that month, not only charged ones.
 * - 第五条 按量计收 (paper copies, e-mail, copied electronic data), per application, in pages:
 *   1–30 free; 31–100 ¥10/页; 101–200 ¥20/页; 201 and above ¥40/页.
 *
 * Sources and what remains unverified: shared/domain/STATUTE-NOTES.md.
 */

export type FeeMethod = 'by_item' | 'by_volume';

export interface FeeInput {
  method: FeeMethod;
  /** by_item: this application's items, and items the same applicant already had charged-counted earlier in the same calendar month */
  items?: number;
  earlierItemsThisMonth?: number;
  /** by_volume: pages (or page equivalents) */
  pages?: number;
}

/** One row of the calculation on the fee notice: `count` units numbered `from`…`to` at `unitYuan` each. */
export interface FeeLine {
  from: number;
  to: number | null;
  count: number;
  unitYuan: number;
  amountYuan: number;
}

export interface FeeBand {
  from: number;
  /** null: open-ended */
  to: number | null;
  unitYuan: number;
  /**
   * Open-ended 按件 band only: it is cut into steps of `size` units, and each step costs `increaseYuan`
   * more per unit than the step before; `unitYuan` is the price of the first step.
   */
  step?: { size: number; increaseYuan: number };
  /** The official clause, for display. */
  clause: string;
  clauseEn: string;
}

export interface FeeSchedule {
  method: FeeMethod;
  label: string;
  labelEn: string;
  unit: string;
  unitEn: string;
  /** What the count is taken over. */
  basis: string;
  basisEn: string;
  article: string;
  bands: readonly FeeBand[];
}

export const FEE_BANDS: Readonly<Record<FeeMethod, FeeSchedule>> = Object.freeze({
  by_item: Object.freeze({
    method: 'by_item',
    label: '按件计收',
    labelEn: 'Charged by item',
    unit: '件',
    unitEn: 'item',
    basis: '同一申请人一个自然月内累计申请件数',
    basisEn: "the applicant's cumulative items in the calendar month",
    article: '国办函〔2020〕109号 第四条',
    bands: Object.freeze([
      Object.freeze({
        from: 1,
        to: 10,
        unitYuan: 0,
        clause: '同一申请人一个自然月内累计申请10件以下（含10件）的，不收费。',
        clauseEn: 'Up to 10 items a month: free.',
      }),
      Object.freeze({
        from: 11,
        to: 30,
        unitYuan: 100,
        clause: '同一申请人一个自然月内累计申请11—30件（含30件）的部分：100元/件。',
        clauseEn: 'Items 11–30: ¥100 each.',
      }),
      Object.freeze({
        from: 31,
        to: null,
        unitYuan: 200,
        step: Object.freeze({ size: 10, increaseYuan: 100 }),
        clause: '同一申请人一个自然月内累计申请31件以上的部分：以10件为一档，每增加一档，收费标准提高100元/件。',
        clauseEn: 'Item 31 on: in steps of 10 items, each step ¥100 per item more (31–40 ¥200, 41–50 ¥300, …).',
      }),
    ]),
  }),
  by_volume: Object.freeze({
    method: 'by_volume',
    label: '按量计收',
    labelEn: 'Charged by volume',
    unit: '页',
    unitEn: 'page',
    basis: '本件申请提供的页数（纸质件、电子邮件、复制电子数据）',
    basisEn: 'pages supplied for this application (paper, e-mail, copied electronic data)',
    article: '国办函〔2020〕109号 第五条',
    bands: Object.freeze([
      Object.freeze({ from: 1, to: 30, unitYuan: 0, clause: '30页以下（含30页）的，不收费。', clauseEn: 'Up to 30 pages: free.' }),
      Object.freeze({ from: 31, to: 100, unitYuan: 10, clause: '31—100页（含100页）的部分：10元/页。', clauseEn: 'Pages 31–100: ¥10 each.' }),
      Object.freeze({ from: 101, to: 200, unitYuan: 20, clause: '101—200页（含200页）的部分：20元/页。', clauseEn: 'Pages 101–200: ¥20 each.' }),
      Object.freeze({ from: 201, to: null, unitYuan: 40, clause: '201页以上的部分：40元/页。', clauseEn: 'Page 201 on: ¥40 each.' }),
    ]),
  }),
});

/** Largest count accepted (items in a month, or pages): far above any real application, keeps amounts exact. */
export const MAX_FEE_COUNT = 1_000_000;

export type FeeResult = { ok: true; totalYuan: number; lines: FeeLine[] } | { ok: false; field: string; message: string };

const fail = (field: string, message: string): FeeResult => ({ ok: false, field, message });

const present = (value: unknown) => value !== undefined && value !== null;

const shown = (value: unknown): string => (typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value)));

const countProblem = (value: unknown, min: number, zh: string, en: string): string | null => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    return `${zh}须为不小于 ${min} 的整数 (${en} must be a whole number ≥ ${min}, got ${shown(value)})`;
  }
  if (value > MAX_FEE_COUNT) return `${zh}不得超过 ${MAX_FEE_COUNT} (${en} must not exceed ${MAX_FEE_COUNT})`;
  return null;
};

/** The concrete bands covering units 1…last: the open 按件 band is cut into its 10-item steps. */
const concreteBands = (method: FeeMethod, last: number): { from: number; to: number | null; unitYuan: number }[] => {
  const out: { from: number; to: number | null; unitYuan: number }[] = [];
  for (const band of FEE_BANDS[method].bands) {
    if (band.from > last) break;
    if (band.to === null && band.step) {
      for (let from = band.from, unit = band.unitYuan; from <= last; from += band.step.size, unit += band.step.increaseYuan) {
        out.push({ from, to: from + band.step.size - 1, unitYuan: unit });
      }
    } else {
      out.push({ from: band.from, to: band.to, unitYuan: band.unitYuan });
    }
  }
  return out;
};

/** Lines for the units numbered first…last (inclusive), band by band; free bands are shown too, at ¥0. */
const linesFor = (method: FeeMethod, first: number, last: number): FeeLine[] => {
  const lines: FeeLine[] = [];
  if (last < first) return lines;
  for (const band of concreteBands(method, last)) {
    const from = Math.max(first, band.from);
    const to = band.to === null ? last : Math.min(last, band.to);
    if (to < from) continue;
    const count = to - from + 1;
    lines.push({ from, to, count, unitYuan: band.unitYuan, amountYuan: count * band.unitYuan });
  }
  return lines;
};

const result = (lines: FeeLine[]): FeeResult => ({ ok: true, totalYuan: lines.reduce((sum, l) => sum + l.amountYuan, 0), lines });

/**
 * The fee for one application, with the lines to print on the 收费通知.
 * by_item: the bands run over the applicant's cumulative count this month (earlierItemsThisMonth + 1 …
 * earlierItemsThisMonth + items); only this application's items are charged.
 * by_volume: pages of this application; 0 pages is allowed (no fee, no lines).
 * The other method's fields must be absent (null/undefined): the two are never combined (第三条).
 */
export const informationFee = (input: FeeInput): FeeResult => {
  if (typeof input !== 'object' || input === null) return fail('method', '缺少计费方式 (missing fee input)');
  const { method } = input;
  if (method !== 'by_item' && method !== 'by_volume') {
    return fail('method', `计费方式须为按件计收或按量计收 (method must be 'by_item' or 'by_volume', got ${shown(method)})`);
  }

  if (method === 'by_item') {
    if (present(input.pages)) {
      return fail('pages', '按件计收不得同时按页数计费，两种标准不得同时计算 (by_item must not carry pages: the two methods are never combined)');
    }
    const itemsProblem = countProblem(input.items, 1, '本件申请件数', 'items');
    if (itemsProblem) return fail('items', itemsProblem);
    const earlier = present(input.earlierItemsThisMonth) ? input.earlierItemsThisMonth : 0;
    const earlierProblem = countProblem(earlier, 0, '本月此前已累计件数', 'earlierItemsThisMonth');
    if (earlierProblem) return fail('earlierItemsThisMonth', earlierProblem);
    const first = (earlier as number) + 1;
    const last = (earlier as number) + (input.items as number);
    if (last > MAX_FEE_COUNT) {
      return fail('items', `本月累计件数不得超过 ${MAX_FEE_COUNT} (the month's cumulative items must not exceed ${MAX_FEE_COUNT})`);
    }
    return result(linesFor('by_item', first, last));
  }

  if (present(input.items)) {
    return fail('items', '按量计收不得同时按件数计费，两种标准不得同时计算 (by_volume must not carry items: the two methods are never combined)');
  }
  if (present(input.earlierItemsThisMonth)) {
    return fail('earlierItemsThisMonth', '按量计收不按月累计件数 (by_volume does not use earlierItemsThisMonth)');
  }
  const pagesProblem = countProblem(input.pages, 0, '页数', 'pages');
  if (pagesProblem) return fail('pages', pagesProblem);
  return result(linesFor('by_volume', 1, input.pages as number));
};
