import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the path alias.
import { type RunnerState, runnerStates } from "../../lib/netlify/schemas";
import { apiKeys } from "./api-keys";
import { timestamptz } from "./columns";
import { sites } from "./sites";
import { users } from "./users";

export { type RunnerState, runnerStates };

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
    state: text("state", { enum: runnerStates }).notNull(),
    title: text("title"),
    branch: text("branch"),
    currentTask: text("current_task"),
    latestSessionState: text("latest_session_state"),
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
  },
  (table) => [
    /** The board: one site's runners by column, newest activity first. */
    index("runners_board_idx").on(table.siteId, table.state, table.lastSessionCreatedAt.desc()),
    /** Adaptive sync: find runners still `new`/`running` across sites. */
    index("runners_active_idx").on(table.state).where(sql`${table.state} in ('new', 'running')`),
  ],
);

export type Runner = typeof runners.$inferSelect;
export type NewRunner = typeof runners.$inferInsert;
