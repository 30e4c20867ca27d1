import type { ReconcileSummary } from "./reconcile-site";

/*
 * What one scheduler run did, as the cron route answers it: plain JSON, no token, no upstream
 * body (errors are the sentences shown on the Settings page).
 */

export type SiteSyncOutcome =
  /** The pass went through every page. */
  | "synced"
  /** The time budget ran out; the pass resumes at `reconcile.nextPage` on the next run. */
  | "partial"
  /** Another worker holds the site's lease. */
  | "skipped"
  | "failed"
  /** Not started: the budget ran out before its turn. It stays due. */
  | "deferred";

export interface SiteSyncResult {
  siteId: string;
  siteName: string;
  outcome: SiteSyncOutcome;
  reconcile?: ReconcileSummary;
  error?: string;
  /** Netlify refused the site's token: someone must reconnect. */
  reconnectNeeded?: boolean;
}

export const syncCounters = [
  "pages",
  "upstreamCalls",
  "inserted",
  "updated",
  "unchanged",
  "archived",
  "removed",
  "sessionsFetched",
] as const satisfies readonly (keyof ReconcileSummary)[];

export type SyncTotals = Record<(typeof syncCounters)[number], number>;

export interface SyncRunSummary {
  startedAt: string;
  durationMs: number;
  sites: Record<SiteSyncOutcome | "due", number>;
  totals: SyncTotals;
  results: SiteSyncResult[];
}

export function summarizeRun(started: number, results: SiteSyncResult[]): SyncRunSummary {
  const sites = { due: results.length, synced: 0, partial: 0, skipped: 0, failed: 0, deferred: 0 };
  const totals = Object.fromEntries(syncCounters.map((counter) => [counter, 0])) as SyncTotals;
  for (const result of results) {
    sites[result.outcome]++;
    for (const counter of syncCounters) totals[counter] += result.reconcile?.[counter] ?? 0;
  }
  return {
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    sites,
    totals,
    results,
  };
}
