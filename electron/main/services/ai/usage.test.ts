import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { assertAllowance, memoryUsageStore, nextPeriodStart, takeOne, usagePeriod, usageStatus } from './usage';

// Local-time constructors: the allowance follows the user's calendar month.
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h, 0, 0);

describe('usage allowance', () => {
  it('computes period, used, remaining and the reset day', () => {
    const store = memoryUsageStore({ '2026-03': 7, '2026-02': 99 });
    expect(usageStatus(store, 10, at(2026, 3, 15))).toEqual({ period: '2026-03', used: 7, allowed: 10, remaining: 3, resetAt: '2026-04-01' });
  });

  it('rolls over at the end of December and on the first of the month', () => {
    expect(usagePeriod(at(2026, 12, 31, 23))).toBe('2026-12');
    expect(nextPeriodStart(at(2026, 12, 31, 23))).toBe('2027-01-01');
    expect(usagePeriod(at(2027, 1, 1, 0))).toBe('2027-01');
    expect(nextPeriodStart(at(2027, 1, 1, 0))).toBe('2027-02-01');
    expect(nextPeriodStart(at(2028, 2, 29))).toBe('2028-03-01');
  });

  it('has no limit when none is set, and never reports negative remaining', () => {
    const store = memoryUsageStore({ '2026-03': 12 });
    expect(usageStatus(store, null, at(2026, 3, 1))).toMatchObject({ used: 12, allowed: null, remaining: null });
    expect(usageStatus(store, 10, at(2026, 3, 1))).toMatchObject({ used: 12, remaining: 0 });
  });

  it('refuses with the reset date when the allowance is used up', () => {
    const status = usageStatus(memoryUsageStore({ '2026-03': 5 }), 5, at(2026, 3, 20));
    let error: unknown;
    try {
      assertAllowance(status);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('AI_QUOTA_EXCEEDED');
    expect((error as AppError).message).toContain('2026-04-01');
    expect((error as AppError).details).toMatchObject({ used: 5, allowed: 5, resetAt: '2026-04-01' });
  });

  it('takes one unit at a time and counts in the current month', () => {
    const store = memoryUsageStore();
    const gate = { store, allowed: 2, now: () => at(2026, 3, 31, 23) };
    expect(takeOne(gate)).toMatchObject({ used: 1, remaining: 1 });
    expect(takeOne(gate)).toMatchObject({ used: 2, remaining: 0 });
    expect(() => takeOne(gate)).toThrow(/allowance/);
    expect(store.counts.get('2026-03')).toBe(2);
    // A new month starts from zero.
    expect(takeOne({ ...gate, now: () => at(2026, 4, 1, 0) })).toMatchObject({ period: '2026-04', used: 1 });
  });
});
