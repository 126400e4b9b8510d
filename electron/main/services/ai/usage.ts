import { AppError } from '../../../../shared/errors';

/**
 * The monthly AI allowance.
 *
 * What counts as one call: one logical AI operation (one `AiClient.completeJson`, e.g. one
 * receipt extraction) that got as far as sending its first HTTP request. Retried attempts and the
 * response-format fallback inside that operation do NOT count again, so the number the user sees
 * is "documents sent to the AI", and each one costs a bounded number of requests (at most
 * `maxAttempts` plus two format fallbacks). A call refused before anything is sent (not configured,
 * allowance used up, cancelled) does not count; a call that was sent and then failed does, because
 * a paid service may have billed it.
 *
 * The month is the user's calendar month in local time ("2026-03"); the allowance resets at local
 * midnight on the first day of the next month.
 */

/** Persisted by the caller (a settings row, a small table); `period` is "YYYY-MM". */
export interface UsageStore {
  get(period: string): number;
  increment(period: string): void;
}

export interface UsageStatus {
  /** "YYYY-MM", local time. */
  period: string;
  used: number;
  /** null: no limit. */
  allowed: number | null;
  /** null: no limit; never negative. */
  remaining: number | null;
  /** First day of the next month, ISO calendar day ("2026-04-01"): the allowance resets then (local midnight). */
  resetAt: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "YYYY-MM" of the local calendar month `now` falls in. */
export function usagePeriod(now: Date): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}`;
}

/** First day of the month after `now`'s, as an ISO day. */
export function nextPeriodStart(now: Date): string {
  const year = now.getMonth() === 11 ? now.getFullYear() + 1 : now.getFullYear();
  const month = (now.getMonth() + 1) % 12;
  return `${pad(year, 4)}-${pad(month + 1)}-01`;
}

/** Where the allowance stands; pure apart from reading the store. */
export function usageStatus(store: Pick<UsageStore, 'get'>, allowed: number | null | undefined, now: Date): UsageStatus {
  const period = usagePeriod(now);
  const used = Math.max(0, store.get(period) || 0);
  const limit = allowed === null || allowed === undefined ? null : Math.max(0, Math.floor(allowed));
  return {
    period,
    used,
    allowed: limit,
    remaining: limit === null ? null : Math.max(0, limit - used),
    resetAt: nextPeriodStart(now),
  };
}

/** Throws AI_QUOTA_EXCEEDED when nothing is left; otherwise returns the status. */
export function assertAllowance(status: UsageStatus): UsageStatus {
  if (status.remaining !== null && status.remaining <= 0) {
    throw new AppError(
      'AI_QUOTA_EXCEEDED',
      `The monthly AI allowance of ${status.allowed} calls is used up. It resets on ${status.resetAt}; until then receipts are read without AI (or raise the allowance in Settings).`,
      { period: status.period, used: status.used, allowed: status.allowed, resetAt: status.resetAt }
    );
  }
  return status;
}

/** What the AI client needs to enforce the allowance. */
export interface UsageGate {
  store: UsageStore;
  /** Calls per month; null: no limit (the call is still counted). */
  allowed: number | null;
  now?: () => Date;
}

/**
 * Checks the allowance and counts the call in one synchronous step (no await in between), so
 * concurrent calls cannot both take the last unit.
 */
export function takeOne(gate: UsageGate): UsageStatus {
  const now = (gate.now ?? (() => new Date()))();
  const status = assertAllowance(usageStatus(gate.store, gate.allowed, now));
  gate.store.increment(status.period);
  return {
    ...status,
    used: status.used + 1,
    remaining: status.remaining === null ? null : status.remaining - 1,
  };
}

/** An in-memory UsageStore (tests, or a caller that persists the map itself). */
export function memoryUsageStore(initial: Record<string, number> = {}): UsageStore & { counts: Map<string, number> } {
  const counts = new Map(Object.entries(initial));
  return {
    counts,
    get: (period) => counts.get(period) ?? 0,
    increment: (period) => {
      counts.set(period, (counts.get(period) ?? 0) + 1);
    },
  };
}
