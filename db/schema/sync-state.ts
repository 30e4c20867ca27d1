import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
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
    updatedAt: updatedAt(),
  },
  (table) => [
    /** The scheduler: sites that are due. */
    index("sync_state_next_sync_at_idx").on(table.nextSyncAt),
  ],
);

export type SyncState = typeof syncState.$inferSelect;
export type NewSyncState = typeof syncState.$inferInsert;
