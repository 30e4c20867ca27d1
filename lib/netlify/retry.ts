import { setTimeout as delay } from "node:timers/promises";

/** Statuses worth another try: rate limits and gateway hiccups, never a 500 (likely a real bug). */
export const retryableStatuses: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export interface RetryPolicy {
  retryBaseDelayMs: number;
  maxRetryDelayMs: number;
}

/**
 * `Retry-After` as whole seconds from now: either delta-seconds or an HTTP date.
 * Unparseable values yield undefined so a bad header can never stall us.
 */
export function parseRetryAfterSeconds(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // Date.parse is lenient ("-5" is the year -5): an HTTP date always names a day or month.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * How long to wait before retry number `attempt + 1`, or null to give up now. When the
 * upstream names a wait longer than our cap we give up rather than retry early: retrying
 * before `Retry-After` only burns quota, and the caller gets `retryAfterSeconds` to pass on.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterSeconds: number | undefined,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | null {
  if (retryAfterSeconds !== undefined) {
    const requested = retryAfterSeconds * 1000;
    return requested > policy.maxRetryDelayMs ? null : requested;
  }
  const exponential = Math.min(policy.maxRetryDelayMs, policy.retryBaseDelayMs * 2 ** attempt);
  // "Equal jitter": spreads retries of many instances apart while keeping a floor of half the backoff.
  return exponential / 2 + random() * (exponential / 2);
}

/** Waits, but stops early (rethrowing the caller's abort reason) when the caller gives up. */
export async function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await delay(ms, undefined, signal ? { signal } : undefined);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
}
