import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz, updatedAt } from "./columns";
import { sites } from "./sites";

/**
 * Per-site sync bookkeeping. It lives in Postgres, not in memory, because many stateless
 * instances share the work and must agree on who syncs what and when.
 */
export const syncState = pgTable(
  "sync_state",
  {
    siteId: text("site_id")
      .primaryKey()
      .references(() => sites.id, { onDelete: "cascade" }),
    /** Newest upstream `updated_at` seen by the last complete pass: later passes stop early at it. */
    cursor: text("cursor"),
    lastFullSyncAt: timestamptz("last_full_sync_at"),
    lastTargetedSyncAt: timestamptz("last_targeted_sync_at"),
    /** When this site is next due; idle sites move further out, busy ones stay close. */
    nextSyncAt: timestamptz("next_sync_at"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    backoffUntil: timestamptz("backoff_until"),
    /** Last failure, already scrubbed of tokens, for the Settings page. */
    lastError: text("last_error"),
    /**
     * The lease: which worker syncs this site, until when. Taken with one conditional update
     * (`where lease_until < now()`), never a lock held across HTTP calls, so it works on every
     * driver; a crashed worker's lease simply runs out.
     */
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamptz("lease_until"),
    /** A full pass cut short by its time budget resumes at this page; null when none is under way. */
    passNextPage: integer("pass_next_page"),
    passStartedAt: timestamptz("pass_started_at"),
    /** Netlify refused the token this site syncs with (401): someone must reconnect it. */
    tokenRefusedAt: timestamptz("token_refused_at"),
    /** Until when the site's active runners are polled every few seconds (a board open, a recent write). */
    watchedUntil: timestamptz("watched_until"),
    lastActiveRefreshAt: timestamptz("last_active_refresh_at"),
    /**
     * When an admin last pressed "Sync now": one press per site every 30 s, claimed by a
     * conditional update on this column so every instance counts the same presses.
     */
    manualSyncAt: timestamptz("manual_sync_at"),
    /** What the last full pass did (pages, calls, rows), for the sync status. */
    lastSummary: jsonb("last_summary").$type<Record<string, unknown>>(),
    updatedAt: updatedAt(),
  },
  (table) => [
    /** The scheduler: sites that are due. */
    index("sync_state_next_sync_at_idx").on(table.nextSyncAt),
  ],
);

export type SyncState = typeof syncState.$inferSelect;
export type NewSyncState = typeof syncState.$inferInsert;
