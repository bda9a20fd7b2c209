/**
 * When a column is "not updated" in the eyes of a national website inspection (政府网站检查指标,
 * 国办秘函〔2019〕19号, single-veto items 首页不更新 and 栏目不更新), and how close it is:
 *
 * - 动态、要闻类栏目 not updated in the 2 weeks before the check, and 通知公告、政策文件类一级栏目
 *   not updated in the 6 months before it: 5 or more such columns fail the site;
 * - 10 or more columns that should be updated but are not fail it;
 * - 5 or more blank columns (nothing ever published) fail it;
 * - a home page without an update for 2 weeks fails it.
 * Items without a publication date count as not updated, so a column's last update is the newest
 * 发布日期 it lists. The office may give a column its own limit (days) or none; the defaults are the
 * inspection's. Days are the agency's calendar days (YYYY-MM-DD).
 */
import type { ColumnPurpose } from '../constants';

/** Days between publications the inspection allows, by purpose (top-level columns for notices and policy). */
export const INSPECTION_LIMIT_DAYS = { news: 14, notices: 183, policy: 183 } as const;
/** A column this close to its limit (days left) is listed as about to lapse. */
export const SOON_DAYS = 7;
export const HOME_PAGE_LIMIT_DAYS = 14;
/** Counts at which a site fails: the thresholds of the single-veto items. */
export const VETO_THRESHOLDS = { keyColumnsLapsed: 5, columnsLapsed: 10, blankColumns: 5 } as const;

export interface ColumnRule {
  purpose: ColumnPurpose | null;
  /** The office's own limit in days; 0 means no rule; null means the inspection's default. */
  updateLimitDays: number | null;
  topLevel: boolean;
}

/** The inspection watches news columns at any level, notices and policy columns at the top level. */
export const isKeyColumn = (c: Pick<ColumnRule, 'purpose' | 'topLevel'>): boolean =>
  c.purpose === 'news' || ((c.purpose === 'notices' || c.purpose === 'policy') && c.topLevel);

/** Days allowed between publications, or null when the column has no rule. */
export const limitOf = (c: ColumnRule): number | null => {
  if (c.updateLimitDays !== null && c.updateLimitDays !== undefined) return c.updateLimitDays > 0 ? c.updateLimitDays : null;
  if (!isKeyColumn(c)) return null;
  return INSPECTION_LIMIT_DAYS[c.purpose as keyof typeof INSPECTION_LIMIT_DAYS];
};

const DAY_MS = 86_400_000;
/** Whole calendar days from one day to another (both YYYY-MM-DD). */
export const daysFrom = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export type UpdateState = 'blank' | 'lapsed' | 'soon' | 'ok' | 'no-rule';

export interface UpdateStatus {
  state: UpdateState;
  /** Days since the last publication (null when nothing was ever published). */
  daysSince: number | null;
  limitDays: number | null;
  /** Days left before the column lapses (negative once it has); null without a rule or publication. */
  daysLeft: number | null;
}

/**
 * A column with a 14-day rule last updated 14 days ago is still within its two weeks (0 days
 * left, about to lapse); at 15 days it has lapsed. Blank (never updated) comes first: an
 * inspector counts it as blank whatever its rule.
 */
export const updateStatus = (limitDays: number | null, lastPublished: string | null, today: string): UpdateStatus => {
  if (!lastPublished) return { state: 'blank', daysSince: null, limitDays, daysLeft: null };
  const daysSince = daysFrom(lastPublished, today);
  if (limitDays === null) return { state: 'no-rule', daysSince, limitDays, daysLeft: null };
  const daysLeft = limitDays - daysSince;
  return { state: daysLeft < 0 ? 'lapsed' : daysLeft <= SOON_DAYS ? 'soon' : 'ok', daysSince, limitDays, daysLeft };
};

export interface Veto {
  id: 'key-columns-lapsed' | 'columns-lapsed' | 'blank-columns' | 'home-page';
  /** Columns counted; for the home page the days since its last update (null: never updated). */
  count: number | null;
  threshold: number;
  /** The site fails on this item. */
  fails: boolean;
}

/** The single-veto items a set of columns and the home page stand against. */
export const vetoes = (columns: Array<{ key: boolean; status: UpdateStatus }>, homeLastPublished: string | null, today: string): Veto[] => {
  const keyLapsed = columns.filter((c) => c.key && c.status.state === 'lapsed').length;
  const lapsed = columns.filter((c) => c.status.state === 'lapsed').length;
  const blank = columns.filter((c) => c.status.state === 'blank').length;
  const homeDays = homeLastPublished ? daysFrom(homeLastPublished, today) : Infinity;
  const item = (id: Veto['id'], count: number, threshold: number): Veto => ({ id, count, threshold, fails: count >= threshold });
  return [
    item('key-columns-lapsed', keyLapsed, VETO_THRESHOLDS.keyColumnsLapsed),
    item('columns-lapsed', lapsed, VETO_THRESHOLDS.columnsLapsed),
    item('blank-columns', blank, VETO_THRESHOLDS.blankColumns),
    // the home page's count is the days since its last update; it fails past two weeks
    { id: 'home-page', count: Number.isFinite(homeDays) ? homeDays : null, threshold: HOME_PAGE_LIMIT_DAYS, fails: homeDays > HOME_PAGE_LIMIT_DAYS },
  ];
};

/** A name's likely purpose, for columns made before purposes existed (the office can change it). */
export const purposeFromName = (name: string): ColumnPurpose => {
  if (/动态|要闻|新闻|工作进展/.test(name)) return 'news';
  if (/制度/.test(name)) return 'rules';
  if (/通知|公告|公示/.test(name)) return 'notices';
  if (/政策|规范性文件|文件/.test(name)) return 'policy';
  return 'other';
};
