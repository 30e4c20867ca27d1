import { NetlifyApiError } from "@/lib/netlify/errors";
import type { ReconcileSummary } from "./reconcile-site";
import { SiteTokenUnavailableError } from "./site-client";

/*
 * When a site is synced next. A site where something changed is looked at again soon; one where
 * nothing did backs off, doubling each time; a failing upstream is left alone for longer each
 * time, never sooner than it asked (Retry-After). The numbers are milliseconds.
 */

const minute = 60_000;

/** A site where the last pass changed something is due again this soon. */
export const busySiteIntervalMs = minute;
/** A quiet site is never left longer than this between full passes. */
export const idleSiteMaxIntervalMs = 30 * minute;
export const failureBackoffBaseMs = minute;
export const failureBackoffMaxMs = 30 * minute;
/** A refused token is tried again this long after, or as soon as its owner signs in again. */
export const tokenRetryMs = 60 * minute;
/** One "Sync now" per site in this many seconds, whoever presses it, on whichever instance. */
export const syncNowIntervalSeconds = 30;
/** The longest Retry-After honoured as given; a day keeps a confused upstream from parking a site for good. */
const maxRetryAfterMs = 24 * 60 * minute;

/** How long after a complete pass the site is due again, from what it found and the previous interval. */
export function nextPassDelayMs(summary: ReconcileSummary, previousIntervalMs: number | undefined): number {
  const changed = summary.inserted + summary.updated + summary.archived + summary.removed;
  if (changed > 0 || previousIntervalMs === undefined) return busySiteIntervalMs;
  return Math.min(idleSiteMaxIntervalMs, Math.max(busySiteIntervalMs, previousIntervalMs * 2));
}

/** The wait after the `failures`-th failure in a row: exponential, capped, at least what Netlify asked for. */
export function failureBackoffMs(failures: number, retryAfterSeconds: number | undefined): number {
  const exponential = Math.min(failureBackoffMaxMs, failureBackoffBaseMs * 2 ** Math.max(0, failures - 1));
  const asked = Math.min(maxRetryAfterMs, (retryAfterSeconds ?? 0) * 1000);
  return Math.max(exponential, asked);
}

/** Netlify refused the token (401), or there is no token to try: someone must reconnect. */
export const isTokenRefusal = (error: unknown): boolean =>
  error instanceof SiteTokenUnavailableError || (error instanceof NetlifyApiError && error.status === 401);

/** Seconds Netlify asked us to wait, when it did. */
export const retryAfterOf = (error: unknown): number | undefined =>
  error instanceof NetlifyApiError ? error.retryAfterSeconds : undefined;
