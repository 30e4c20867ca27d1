import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Database } from "@/db";
import { activeRunnerStates, runners } from "@/db/schema";
import type { NetlifyClient } from "@/lib/netlify/client";
import { maxPerPage } from "@/lib/netlify/pagination";
import { applyListedRunners, emptyReconcileSummary, type ReconcileSummary } from "./reconcile-site";
import { refreshRunner } from "./refresh-runner";

/** What one active refresh did: page 1 as a reconcile counts it, plus the runners looked up one by one. */
export interface ActiveRefreshSummary
  extends Pick<
    ReconcileSummary,
    "siteId" | "upstreamCalls" | "inserted" | "updated" | "unchanged" | "sessionsFetched" | "durationMs"
  > {
  /** Cached runners in an active state that page 1 no longer listed, each read with one snapshot. */
  refreshed: number;
  /** Of those, the ones Netlify no longer has. */
  gone: number;
}

/** Snapshots read at once; a busy site has a handful of active runners off page 1 at most. */
const snapshotConcurrency = 4;

/**
 * The quick refresh of a site someone is watching. Page 1 of the list (newest activity first)
 * carries new runs and every runner that just moved; it is applied like any page of a full pass,
 * so sessions are read only for runners whose digest changed. A cached runner still `new`,
 * `running` or `await_input` that page 1 did not list has fallen behind busier ones, possibly
 * because it finished: each is read with one snapshot call (runner and sessions together).
 */
export async function refreshActiveSite(
  db: Database,
  client: NetlifyClient,
  siteId: string,
  options: { perPage?: number } = {},
): Promise<ActiveRefreshSummary> {
  const started = Date.now();
  const summary = emptyReconcileSummary(siteId);
  const seen = new Set<string>();
  const work = { db, client, siteId, seen, summary, concurrency: snapshotConcurrency };

  const head = await client.runners.list({ siteId, page: 1, perPage: options.perPage ?? maxPerPage });
  summary.upstreamCalls++;
  await applyListedRunners(work, head.items, false);

  const behind = await db
    .select({ id: runners.id })
    .from(runners)
    .where(
      and(
        eq(runners.siteId, siteId),
        inArray(runners.state, [...activeRunnerStates]),
        seen.size > 0 ? notInArray(runners.id, [...seen]) : undefined,
      ),
    );
  let gone = 0;
  for (let start = 0; start < behind.length; start += snapshotConcurrency) {
    const outcomes = await Promise.all(
      behind
        .slice(start, start + snapshotConcurrency)
        .map(({ id }) => refreshRunner(db, client, { runnerId: id, siteId })),
    );
    gone += outcomes.filter((outcome) => outcome === "gone").length;
  }
  summary.upstreamCalls += behind.length;
  return {
    siteId,
    upstreamCalls: summary.upstreamCalls,
    inserted: summary.inserted,
    updated: summary.updated,
    unchanged: summary.unchanged,
    sessionsFetched: summary.sessionsFetched,
    durationMs: Date.now() - started,
    refreshed: behind.length,
    gone,
  };
}
