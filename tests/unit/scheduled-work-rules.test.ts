import { MAX_ATTEMPTS, afterFailure, retryDelayMs } from '../../plugins/gov-disclosure/server/src/domain/job-retry';
import { lapseOn } from '../../plugins/gov-disclosure/server/src/domain/validity-by-date';
import { dayIn, isTimeZone, minuteIn } from '../../plugins/gov-disclosure/shared/domain/calendar-day';

describe('retrying failed jobs', () => {
  it('waits 30 s, then twice as long each time, never more than an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 12].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000]);
  });

  it('gives up after the eighth attempt, about an hour and three quarters after the first', () => {
    expect(afterFailure(1, 1_000)).toEqual({ status: 'pending', runAt: 31_000 });
    expect(afterFailure(MAX_ATTEMPTS - 1, 0).status).toBe('pending');
    expect(afterFailure(MAX_ATTEMPTS, 5)).toEqual({ status: 'failed', runAt: 5 });
    const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0);
    expect(total / 60_000).toBeCloseTo(63.5, 1);
  });
});

describe('validity by date', () => {
  const inForce = { validity: 'effective' as const, repealedDate: null, expiryDate: null };

  it('is 废止 from the 废止日期 itself', () => {
    expect(lapseOn({ ...inForce, repealedDate: '2026-12-02' }, '2026-12-01')).toBeNull();
    expect(lapseOn({ ...inForce, repealedDate: '2026-12-02' }, '2026-12-02')).toEqual({
      to: 'repealed',
      reason: '废止日期 2026-12-02 已到：有效性由「有效」改为「废止」',
    });
  });

  it('is 失效 the day after 有效期至 (its last day in force)', () => {
    expect(lapseOn({ ...inForce, expiryDate: '2026-12-02' }, '2026-12-02')).toBeNull();
    expect(lapseOn({ ...inForce, expiryDate: '2026-12-02' }, '2026-12-03')?.to).toBe('expired');
    expect(lapseOn({ ...inForce, validity: null, expiryDate: '2026-12-02' }, '2026-12-03')?.to).toBe('expired');
  });

  it('废止 wins over 失效, and what already says more is left alone', () => {
    expect(lapseOn({ ...inForce, repealedDate: '2026-01-01', expiryDate: '2025-12-31' }, '2026-06-01')?.to).toBe('repealed');
    expect(lapseOn({ validity: 'expired', repealedDate: '2026-01-01', expiryDate: '2025-06-30' }, '2026-06-01')).toMatchObject({
      to: 'repealed',
      reason: expect.stringContaining('由「失效」改为「废止」'),
    });
    expect(lapseOn({ validity: 'expired', repealedDate: null, expiryDate: '2025-06-30' }, '2026-06-01')).toBeNull();
    expect(lapseOn({ validity: 'repealed', repealedDate: '2026-01-01', expiryDate: null }, '2026-06-01')).toBeNull();
  });
});

describe('the agency’s day', () => {
  it('is Beijing’s day, not the server’s UTC day', () => {
    const morningInBeijing = new Date('2026-12-02T23:30:00Z'); // 07:30 on 3 December in Beijing
    expect(dayIn('Asia/Shanghai', morningInBeijing)).toBe('2026-12-03');
    expect(dayIn('UTC', morningInBeijing)).toBe('2026-12-02');
    expect(minuteIn('Asia/Shanghai', morningInBeijing)).toBe('2026-12-03 07:30');
    expect(minuteIn('Asia/Shanghai', new Date('2026-12-02T16:00:00Z'))).toBe('2026-12-03 00:00');
  });

  it('knows a time zone from a typo', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Shangahi')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
