import {
  daysFrom,
  isKeyColumn,
  limitOf,
  purposeFromName,
  updateStatus,
  vetoes,
  type UpdateStatus,
} from '../../plugins/gov-disclosure/shared/domain/column-updates';
import { msUntilWeekdayHour } from '../../plugins/gov-disclosure/server/src/domain/reminder-plan';

const TODAY = '2026-12-03';
/** The day `n` days before today. */
const ago = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('column update rules (栏目不更新)', () => {
  it('a 14-day column at day 13 and 14 is about to lapse, at day 15 it has lapsed', () => {
    expect(updateStatus(14, ago(13), TODAY)).toEqual({ state: 'soon', daysSince: 13, limitDays: 14, daysLeft: 1 });
    expect(updateStatus(14, ago(14), TODAY)).toEqual({ state: 'soon', daysSince: 14, limitDays: 14, daysLeft: 0 });
    expect(updateStatus(14, ago(15), TODAY)).toEqual({ state: 'lapsed', daysSince: 15, limitDays: 14, daysLeft: -1 });
  });

  it('warns within 7 days of the limit, not before', () => {
    expect(updateStatus(183, ago(175), TODAY).state).toBe('ok');
    expect(updateStatus(183, ago(176), TODAY).state).toBe('soon');
    expect(updateStatus(183, ago(184), TODAY).state).toBe('lapsed');
    expect(updateStatus(14, ago(0), TODAY).state).toBe('ok');
  });

  it('a column never published in is blank whatever its rule; without a rule it is never late', () => {
    expect(updateStatus(14, null, TODAY)).toEqual({ state: 'blank', daysSince: null, limitDays: 14, daysLeft: null });
    expect(updateStatus(null, null, TODAY).state).toBe('blank');
    expect(updateStatus(null, ago(4000), TODAY)).toEqual({ state: 'no-rule', daysSince: 4000, limitDays: null, daysLeft: null });
  });

  it('defaults follow the inspection: news 14 days at any level, notices and policy 183 days at the top level only', () => {
    expect(limitOf({ purpose: 'news', updateLimitDays: null, topLevel: false })).toBe(14);
    expect(limitOf({ purpose: 'notices', updateLimitDays: null, topLevel: true })).toBe(183);
    expect(limitOf({ purpose: 'policy', updateLimitDays: null, topLevel: true })).toBe(183);
    expect(limitOf({ purpose: 'notices', updateLimitDays: null, topLevel: false })).toBeNull();
    expect(limitOf({ purpose: 'other', updateLimitDays: null, topLevel: true })).toBeNull();
    expect(limitOf({ purpose: null, updateLimitDays: null, topLevel: true })).toBeNull();
    // the office's own limit wins; 0 is "no rule"
    expect(limitOf({ purpose: 'other', updateLimitDays: 30, topLevel: false })).toBe(30);
    expect(limitOf({ purpose: 'news', updateLimitDays: 0, topLevel: true })).toBeNull();
    expect([
      isKeyColumn({ purpose: 'news', topLevel: false }),
      isKeyColumn({ purpose: 'policy', topLevel: false }),
      isKeyColumn({ purpose: 'policy', topLevel: true }),
    ]).toEqual([true, false, true]);
  });

  const column = (state: UpdateStatus['state'], key = false) => ({ key, status: { state, daysSince: null, limitDays: null, daysLeft: null } });

  it('counts each single-veto item against its threshold: 5 key columns, 10 columns, 5 blank, the home page at 2 weeks', () => {
    const four = [...Array(4)].map(() => column('lapsed', true));
    const fine = vetoes([...four, column('blank'), column('blank'), column('blank'), column('ok')], ago(14), TODAY);
    expect(fine).toEqual([
      { id: 'key-columns-lapsed', count: 4, threshold: 5, fails: false },
      { id: 'columns-lapsed', count: 4, threshold: 10, fails: false },
      { id: 'blank-columns', count: 3, threshold: 5, fails: false },
      { id: 'home-page', count: 14, threshold: 14, fails: false },
    ]);
    const failing = vetoes(
      [...four, column('lapsed', true), ...[...Array(5)].map(() => column('lapsed')), ...[...Array(5)].map(() => column('blank'))],
      ago(15),
      TODAY
    );
    expect(failing.map((v) => [v.id, v.count, v.fails])).toEqual([
      ['key-columns-lapsed', 5, true],
      ['columns-lapsed', 10, true],
      ['blank-columns', 5, true],
      ['home-page', 15, true],
    ]);
    expect(vetoes([], null, TODAY).find((v) => v.id === 'home-page')).toEqual({ id: 'home-page', count: null, threshold: 14, fails: true });
  });

  it('counts calendar days across months and years', () => {
    expect(daysFrom('2026-11-30', '2026-12-03')).toBe(3);
    expect(daysFrom('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysFrom('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('guesses a purpose from a column’s name for columns made before purposes existed', () => {
    expect(['工作动态', '本地要闻', '通知公告', '公示公告', '政策文件', '规范性文件', '机构职能'].map(purposeFromName)).toEqual([
      'news',
      'news',
      'notices',
      'notices',
      'policy',
      'policy',
      'other',
    ]);
  });
});

describe('msUntilWeekdayHour', () => {
  it('is the next Monday 08:00 in the agency’s time zone', () => {
    const at = (iso: string) => new Date(new Date(iso).getTime() + msUntilWeekdayHour(new Date(iso), 'Asia/Shanghai', 1, 8)).toISOString();
    // Thursday 2026-12-03 10:00 in Beijing → Monday 2026-12-07 08:00 in Beijing (00:00 UTC)
    expect(at('2026-12-03T02:00:00Z')).toBe('2026-12-07T00:00:00.000Z');
    // Monday 07:59 → the same morning; Monday 08:00 → a week later
    expect(at('2026-12-06T23:59:00Z')).toBe('2026-12-07T00:00:00.000Z');
    expect(at('2026-12-07T00:00:00Z')).toBe('2026-12-14T00:00:00.000Z');
  });
});
