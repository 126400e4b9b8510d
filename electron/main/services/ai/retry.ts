/**
 * Timing of our own retry policy (the SDK's retries are off): how long to wait before the next
 * attempt, and sleeping in a way an abort signal can cut short.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Everything (attempts and waits) must finish within this many ms of the call starting. */
  deadlineMs: number;
  /** Backoff before the 2nd attempt; doubles each time (with jitter). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A 429 asking us to wait longer than this is not waited for: the call fails with the retry time. */
  maxRetryAfterMs: number;
  /** 0 <= x < 1; injectable so tests can pin the jitter. */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  deadlineMs: 120_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
  random: Math.random,
};

/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed, the other half
 * random, so concurrent clients spread out but never retry immediately.
 * `attempt` is the number of the attempt that just failed (1 for the first).
 */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + policy.random() * (exp / 2));
}

interface HeaderLike {
  get(name: string): string | null;
}

/**
 * How long a 429 (or 503) asks us to wait, in ms, or null when it does not say.
 * Reads `retry-after-ms` (OpenAI sends it) and `Retry-After` as delta-seconds or an HTTP date.
 */
export function parseRetryAfter(headers: HeaderLike | null | undefined, now: number = Date.now()): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.ceil(Number(ms));
  const value = headers.get('retry-after');
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
