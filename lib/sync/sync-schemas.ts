import { z } from "zod";
import { siteIdPattern } from "@/lib/sites/site-schemas";
import type { SiteSyncResult } from "./sync-run-summary";

/*
 * The sync status API's shapes, in and out. Outputs are built field by field from `sync_state`
 * and the run's result, so the lease owner, internal counters and anything a future column holds
 * cannot reach a browser.
 */

/** `GET /api/sync?siteId=` */
export const syncStatusQuerySchema = z.strictObject({
  siteId: z.string().regex(siteIdPattern, "expected a Netlify site id").optional(),
});
export type SyncStatusQuery = z.infer<typeof syncStatusQuerySchema>;

const iso = z.iso.datetime().nullable();
const count = z.number().int().min(0);

/** What the last pass did, as kept in `last_summary`; anything else there is ignored. */
export const lastPassSchema = z.object({
  complete: z.boolean(),
  pages: count,
  upstreamCalls: count,
  inserted: count,
  updated: count,
  unchanged: count,
  archived: count,
  removed: count,
  sessionsFetched: count,
  durationMs: count,
  finishedAt: z.iso.datetime(),
});
export type LastPass = z.infer<typeof lastPassSchema>;

export const siteSyncStatusSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  lastFullSyncAt: iso,
  /** When the scheduler next takes the site on (null: at its next run). */
  nextSyncAt: iso,
  /** A worker holds the site's lease right now. */
  syncing: z.boolean(),
  /** A pass cut short by its time budget resumes at this page. */
  resumesAtPage: z.number().int().min(1).nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: count,
  backoffUntil: iso,
  reconnectNeeded: z.boolean(),
  /** Whose token syncs the site: the person who connected it, or the service token (CLI). */
  tokenSource: z.enum(["connector", "service_token"]),
  connectedByMe: z.boolean(),
  /** When the next "Sync now" is accepted, if not yet. */
  syncNowAvailableAt: iso,
  lastPass: lastPassSchema.nullable(),
});
export type SiteSyncStatus = z.infer<typeof siteSyncStatusSchema>;

export const syncStatusListSchema = z.object({ sites: z.array(siteSyncStatusSchema) });
export type SyncStatusList = z.infer<typeof syncStatusListSchema>;

/** `POST /api/sites/{siteId}/sync` answers how the pass went. */
export const syncNowOutputSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  outcome: z.enum(["synced", "partial", "skipped", "failed", "deferred"]),
  error: z.string().nullable(),
  reconnectNeeded: z.boolean(),
  runners: z
    .object({ inserted: count, updated: count, unchanged: count, archived: count, removed: count })
    .nullable(),
});
export type SyncNowOutput = z.infer<typeof syncNowOutputSchema>;

export const toSyncNowOutput = (result: SiteSyncResult): SyncNowOutput =>
  syncNowOutputSchema.parse({
    siteId: result.siteId,
    siteName: result.siteName,
    outcome: result.outcome,
    error: result.error ?? null,
    reconnectNeeded: result.reconnectNeeded ?? false,
    runners: result.reconcile
      ? {
          inserted: result.reconcile.inserted,
          updated: result.reconcile.updated,
          unchanged: result.reconcile.unchanged,
          archived: result.reconcile.archived,
          removed: result.reconcile.removed,
        }
      : null,
  });
