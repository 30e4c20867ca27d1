import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";
import { nextBoardChange } from "./board-changes";
import { sqlStringList, timestamptz } from "./columns";
import { sites } from "./sites";
import {
  activeRunnerStates,
  type RunnerState,
  type RunnerStateOnWire,
  runnerStates,
  type SessionStateOnWire,
} from "./upstream-states";
import { users } from "./users";

export { activeRunnerStates, type RunnerState, type RunnerStateOnWire, runnerStates };

/** Who an embedded upstream user is, as the board shows it. */
export interface RunnerPerson {
  id: string;
  fullName: string | null;
  email: string | null;
  avatarUrl: string | null;
}

/**
 * Cache of upstream agent runners: the fields the board reads, kept in columns so they can be
 * filtered and sorted, plus the last upstream payload for the detail view.
 */
export const runners = pgTable(
  "runners",
  {
    /** Netlify's runner id. */
    id: text("id").primaryKey(),
    siteId: text("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    /**
     * Upstream's state as sent. No enum constraint: a state Netlify adds later is stored as is
     * (and lands in the board's "Other" column) instead of failing the sync.
     */
    state: text("state").$type<RunnerStateOnWire>().notNull(),
    title: text("title"),
    branch: text("branch"),
    currentTask: text("current_task"),
    latestSessionState: text("latest_session_state").$type<SessionStateOnWire>(),
    latestSessionDeployUrl: text("latest_session_deploy_url"),
    hasResultDiff: boolean("has_result_diff").notNull().default(false),
    agent: text("agent"),
    model: text("model"),
    prUrl: text("pr_url"),
    prState: text("pr_state"),
    prNumber: integer("pr_number"),
    prBranch: text("pr_branch"),
    prIsBeingCreated: boolean("pr_is_being_created").notNull().default(false),
    prError: text("pr_error"),
    mergeCommitSha: text("merge_commit_sha"),
    /** The site's name when the runner was read: builds the dashboard link `app.netlify.com/projects/{site_name}/agent-runs/{id}`. */
    siteName: text("site_name"),
    /** Upstream's publish-to-production progress; an open set of strings, null when never published. */
    publishingState: text("publishing_state"),
    /** Upstream's deploy-preview progress; an open set of strings, null when there is none. */
    previewState: text("preview_state"),
    creator: jsonb("creator").$type<RunnerPerson>(),
    /** Provenance: the key that created the runner through the proxy, if any. */
    createdViaKeyId: uuid("created_via_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    /** Provenance: the signed-in user who created the runner from the board, if any. */
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    upstreamCreatedAt: timestamptz("upstream_created_at").notNull(),
    upstreamUpdatedAt: timestamptz("upstream_updated_at").notNull(),
    doneAt: timestamptz("done_at"),
    /** Upstream's list sort key: a follow-up moves a runner to the top. */
    lastSessionCreatedAt: timestamptz("last_session_created_at"),
    /** The runner as the upstream last returned it (validated), for fields without a column. */
    upstream: jsonb("upstream").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    syncedAt: timestamptz("synced_at").notNull().defaultNow(),
    /** A digest of `upstream`: a sync compares it to skip runners that did not change (no write, no sessions call). */
    upstreamHash: text("upstream_hash"),
    /** Bumped (from `board_change_seq`) whenever the row's content changes: what live updates send on. */
    changeSeq: bigint("change_seq", { mode: "number" }).notNull().default(nextBoardChange()),
  },
  (table) => [
    /** The board: one site's runners by column, newest activity first. */
    index("runners_board_idx").on(table.siteId, table.state, table.lastSessionCreatedAt.desc()),
    /** Adaptive sync: find the runners still changing upstream (`activeRunnerStates`) across sites. */
    /** Live updates: runners changed after what a board has seen. */
    index("runners_change_seq_idx").on(table.changeSeq),
    index("runners_active_idx")
      .on(table.state)
      .where(sql`${table.state} in (${sqlStringList(activeRunnerStates)})`),
  ],
);

export type Runner = typeof runners.$inferSelect;
export type NewRunner = typeof runners.$inferInsert;
