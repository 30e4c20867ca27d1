import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { syncState } from "@/db/schema";
import type { Env } from "@/lib/env";
import { logger } from "@/lib/log/app-logger";
import type { Logger } from "@/lib/log/logger";
import { describeNetlifyError } from "@/lib/netlify/error-sentences";
import { NetlifyApiError } from "@/lib/netlify/errors";
import { type DueSite, dueSites } from "./due-sites";
import { type PassRecord, recordCutShort, recordFailure, recordPass } from "./pass-outcome";
import { observePassProgress, passTransport } from "./pass-transport";
import { reconcileSite } from "./reconcile-site";
import { netlifyClientForSite, SiteTokenUnavailableError } from "./site-client";
import { acquireSiteLease, releaseSiteLease } from "./site-lease";
import { failureBackoffMs, isTokenRefusal, nextPassDelayMs, retryAfterOf } from "./sync-policy";
import { type SiteSyncResult, type SyncRunSummary, summarizeRun } from "./sync-run-summary";

export interface SyncSitesOptions {
  /** Epoch ms by which the run must be over (a serverless function's limit, less some slack). */
  deadline: number;
  /** Who takes the leases: unique per run, so a run never mistakes another's lease for its own. */
  owner: string;
  /** Only these sites (an admin's "Sync now"). */
  siteIds?: readonly string[];
  /** Ignore the schedule, backoff and a refused token (the lease still applies). */
  force?: boolean;
  /** Sites synced side by side; 2 keeps one account's Netlify rate limit comfortable. */
  concurrency?: number;
  log?: Logger;
}

/** A lease outlives the run's budget by this much, so only a crashed worker's lease ever expires. */
const leaseSlackMs = 30_000;

/**
 * Runs the sites that are due, each under its lease, within the time budget: each site's pass
 * resumes where the last one stopped, new pages stop being started a little before the deadline
 * (a page in flight then finishes), and anything still talking to Netlify at the deadline is cut
 * off. Each site's outcome (schedule, backoff, "reconnect needed") is written to `sync_state`; a
 * site that fails does not stop the others.
 */
export async function syncDueSites(
  db: Database,
  env: Env,
  options: SyncSitesOptions,
): Promise<SyncRunSummary> {
  const started = Date.now();
  const budget = Math.max(0, options.deadline - started);
  // Pages stop being started a quarter of the budget early (0.5 to 5 s) so the page in flight can finish.
  const pageDeadline = options.deadline - Math.min(5_000, Math.max(500, budget / 4));
  const run: PassRun = {
    db,
    env,
    owner: options.owner,
    force: options.force ?? false,
    deadline: options.deadline,
    pageDeadline,
    leaseTtlMs: budget + leaseSlackMs,
    log: options.log ?? logger(),
  };
  const queue = await dueSites(db, { siteIds: options.siteIds, force: options.force });
  const results: SiteSyncResult[] = new Array(queue.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < queue.length; index = next++) {
      const site = queue[index] as DueSite;
      results[index] =
        Date.now() >= pageDeadline
          ? { siteId: site.id, siteName: site.name, outcome: "deferred" }
          : await syncSite(run, site);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 2, queue.length) }, worker));
  return summarizeRun(started, results);
}

interface PassRun {
  db: Database;
  env: Env;
  owner: string;
  force: boolean;
  deadline: number;
  pageDeadline: number;
  leaseTtlMs: number;
  log: Logger;
}

async function syncSite(run: PassRun, site: DueSite): Promise<SiteSyncResult> {
  const { db, owner } = run;
  const holder = { siteId: site.id, owner };
  const base = { siteId: site.id, siteName: site.name };
  if (!(await acquireSiteLease(db, site.id, owner, run.leaseTtlMs))) return { ...base, outcome: "skipped" };
  try {
    // Asked again under the lease: a run that listed the site before another run finished it
    // must not sync it a second time.
    if (!run.force && (await dueSites(db, { siteIds: [site.id] })).length === 0)
      return { ...base, outcome: "skipped" };
    const [state] = await db
      .select({
        passNextPage: syncState.passNextPage,
        consecutiveFailures: syncState.consecutiveFailures,
        lastSummary: syncState.lastSummary,
      })
      .from(syncState)
      .where(eq(syncState.siteId, site.id));
    const progress = { page: state?.passNextPage ?? 1 };
    try {
      const client = await netlifyClientForSite(db, run.env, site, passTransport(run.deadline));
      const summary = await reconcileSite(db, observePassProgress(client, progress), site.id, {
        deadline: run.pageDeadline,
        fromPage: progress.page,
      });
      const previous = (state?.lastSummary as Partial<PassRecord> | null)?.intervalMs;
      await recordPass(db, holder, summary, nextPassDelayMs(summary, previous));
      return { ...base, outcome: summary.complete ? "synced" : "partial", reconcile: summary };
    } catch (error) {
      if (cutByDeadline(error, run.deadline)) {
        await recordCutShort(db, holder, progress.page);
        return { ...base, outcome: "partial" };
      }
      const tokenRefused = isTokenRefusal(error);
      const sentence = failureSentence(error);
      if (!(error instanceof NetlifyApiError || error instanceof SiteTokenUnavailableError))
        run.log.error({ err: error, siteId: site.id }, "site sync failed");
      const failures = (state?.consecutiveFailures ?? 0) + 1;
      await recordFailure(db, holder, {
        sentence,
        tokenRefused,
        // A refused token waits on `token_refused_at` (an hour, or a new sign-in), not on the schedule.
        delayMs: tokenRefused ? 0 : failureBackoffMs(failures, retryAfterOf(error)),
        resumePage: progress.page,
      });
      return {
        ...base,
        outcome: "failed",
        error: sentence,
        ...(tokenRefused ? { reconnectNeeded: true } : {}),
      };
    }
  } finally {
    // A no-op when the outcome was recorded (that statement gave the lease back already).
    await releaseSiteLease(db, site.id, owner);
  }
}

/** A request our own hard deadline aborted: the run's budget, not a sign of trouble upstream. */
const cutByDeadline = (error: unknown, deadline: number) =>
  error instanceof NetlifyApiError && error.errorCode === "timeout" && Date.now() >= deadline - 50;

function failureSentence(error: unknown): string {
  if (error instanceof SiteTokenUnavailableError) return error.message;
  if (error instanceof NetlifyApiError) return describeNetlifyError(error);
  return "The sync failed unexpectedly and will be tried again later; the server log has the details.";
}
