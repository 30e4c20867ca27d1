import { and, eq, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { sites, syncState } from "@/db/schema";
import type { Env } from "@/lib/env";
import { describeNetlifyError } from "@/lib/netlify/error-sentences";
import { NetlifyApiError } from "@/lib/netlify/errors";
import { type ActiveRefreshSummary, refreshActiveSite } from "./refresh-active";
import { netlifyClientForSite, SiteTokenUnavailableError } from "./site-client";
import { acquireSiteLease, releaseSiteLease } from "./site-lease";

/** A watched site's active runners are read again once the last refresh is this old. */
export const activeRefreshIntervalMs = 3_000;

/** A write through the proxy keeps its site's active runners polled this long, driven by open boards and by the key's further proxy calls. */
export const watchAfterWriteMs = 120_000;

/** After a failed active refresh, the site's active runners wait this long before the next try. */
const activeFailureHoldOffMs = 30_000;

/** Long enough for one active refresh (a list and a few snapshots); a crashed one frees the site by then. */
const activeLeaseMs = 30_000;

const msAgo = (ms: number): SQL => sql`now() - ${ms}::int * interval '1 millisecond'`;
const msAhead = (ms: number): SQL => sql`now() + ${ms}::int * interval '1 millisecond'`;

/**
 * Marks sites as watched for `forMs` from now: a board is open on them, or a write just went
 * through. A site already watched for at least half that long is left as it is, so a board
 * that calls this every few seconds writes once in a while, not every time. Sites that are not
 * (or no longer) connected are skipped.
 */
export async function watchSites(db: Database, siteIds: readonly string[], forMs: number): Promise<void> {
  if (siteIds.length === 0) return;
  // One insert-select: a site disconnected meanwhile simply matches nothing.
  await db.execute(sql`
    insert into ${syncState} (site_id, watched_until)
    select ${sites.id}, ${msAhead(forMs)} from ${sites} where ${inArray(sites.id, [...siteIds])}
    on conflict (site_id) do update set watched_until = excluded.watched_until, updated_at = now()
    where ${syncState.watchedUntil} is null or ${syncState.watchedUntil} < ${msAhead(Math.floor(forMs / 2))}`);
}

export interface WatchedSiteRefresh {
  siteId: string;
  /** `busy`: another worker holds the site (a full sync, or another board's refresh). */
  outcome: "refreshed" | "busy" | "failed";
  summary?: ActiveRefreshSummary;
  /** A sentence free of tokens (Netlify's answer is never quoted). */
  error?: string;
}

/**
 * Refreshes the active runners of every watched site whose last active refresh is older than
 * `activeRefreshIntervalMs`. Unwatched sites are not read at all: they wait for the cron's full
 * pass. Every instance may call this as often as it likes: a site is claimed by moving its
 * `last_active_refresh_at` in one conditional update, so within one interval only one caller
 * gets it, and a full sync holding the site's lease is never run beside.
 */
export async function refreshWatchedSites(
  db: Database,
  env: Env,
  options: { owner: string },
): Promise<WatchedSiteRefresh[]> {
  const due = await db
    .select({ siteId: syncState.siteId, connectedByUserId: sites.connectedByUserId })
    .from(syncState)
    .innerJoin(sites, eq(sites.id, syncState.siteId))
    .where(
      and(
        gt(syncState.watchedUntil, sql`now()`),
        isDue(),
        or(isNull(syncState.leaseUntil), lt(syncState.leaseUntil, sql`now()`)),
        or(isNull(syncState.backoffUntil), lt(syncState.backoffUntil, sql`now()`)),
        // A refused token fails again until someone reconnects; the full sync keeps trying.
        isNull(syncState.tokenRefusedAt),
      ),
    );
  const refreshes = await Promise.all(due.map((site) => refreshWatchedSite(db, env, site, options.owner)));
  return refreshes.filter((refresh): refresh is WatchedSiteRefresh => refresh !== undefined);
}

const isDue = () =>
  or(
    isNull(syncState.lastActiveRefreshAt),
    lt(syncState.lastActiveRefreshAt, msAgo(activeRefreshIntervalMs)),
  );

/** Undefined when another caller claimed this interval first. */
async function refreshWatchedSite(
  db: Database,
  env: Env,
  site: { siteId: string; connectedByUserId: string | null },
  owner: string,
): Promise<WatchedSiteRefresh | undefined> {
  const { siteId } = site;
  const claimed = await db
    .update(syncState)
    .set({ lastActiveRefreshAt: sql`now()` })
    .where(and(eq(syncState.siteId, siteId), isDue()))
    .returning({ siteId: syncState.siteId });
  if (claimed.length === 0) return undefined;
  if (!(await acquireSiteLease(db, siteId, owner, activeLeaseMs))) return { siteId, outcome: "busy" };
  try {
    // One quick retry at most: the next refresh is only seconds away anyway.
    const client = await netlifyClientForSite(db, env, site, { maxRetries: 1, maxRetryDelayMs: 1_000 });
    return { siteId, outcome: "refreshed", summary: await refreshActiveSite(db, client, siteId) };
  } catch (error) {
    await holdOff(db, siteId, error);
    return { siteId, outcome: "failed", error: failureSentence(error) };
  } finally {
    await releaseSiteLease(db, siteId, owner);
  }
}

/**
 * A failed active refresh is not tried again for a while (longer if Netlify asked), by moving the
 * site's last refresh into the future: a board left open on a failing site must not call Netlify
 * every few seconds. Failures are recorded for people by the full pass, which meets them too.
 */
async function holdOff(db: Database, siteId: string, error: unknown): Promise<void> {
  const retryAfterMs = (error instanceof NetlifyApiError ? (error.retryAfterSeconds ?? 0) : 0) * 1000;
  const waitMs = Math.max(activeFailureHoldOffMs, Math.min(retryAfterMs, 3_600_000));
  await db
    .update(syncState)
    .set({ lastActiveRefreshAt: msAhead(waitMs - activeRefreshIntervalMs) })
    .where(eq(syncState.siteId, siteId));
}

function failureSentence(error: unknown): string {
  if (error instanceof SiteTokenUnavailableError) return error.message;
  if (error instanceof NetlifyApiError) return describeNetlifyError(error);
  return error instanceof Error ? error.message : String(error);
}
