import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema without the path alias.
import { type SessionState, sessionStates } from "../../lib/netlify/schemas";
import { timestamptz } from "./columns";
import { runners } from "./runners";

export { type SessionState, sessionStates };

/** Cache of upstream runner sessions (one per prompt or follow-up), for the runner detail view. */
export const sessions = pgTable(
  "sessions",
  {
    /** Netlify's session id. */
    id: text("id").primaryKey(),
    runnerId: text("runner_id")
      .notNull()
      .references(() => runners.id, { onDelete: "cascade" }),
    state: text("state", { enum: sessionStates }).notNull(),
    /** `normal`, `redeploy`, `rebase`, `create`, `ask`… kept open: upstream adds modes. */
    mode: text("mode").notNull().default("normal"),
    title: text("title"),
    /** Null on redeploy and rebase sessions. */
    prompt: text("prompt"),
    /** The agent's Markdown summary. */
    result: text("result"),
    agent: text("agent"),
    model: text("model"),
    currentTask: text("current_task"),
    /** Milliseconds, as upstream reports it. */
    durationMs: integer("duration_ms"),
    stepsCount: integer("steps_count").notNull().default(0),
    deployId: text("deploy_id"),
    deployUrl: text("deploy_url"),
    commitSha: text("commit_sha"),
    sourceSessionId: text("source_session_id"),
    isDiscarded: boolean("is_discarded").notNull().default(false),
    isPublished: boolean("is_published").notNull().default(false),
    hasResultDiff: boolean("has_result_diff").notNull().default(false),
    hasCumulativeDiff: boolean("has_cumulative_diff").notNull().default(false),
    upstreamCreatedAt: timestamptz("upstream_created_at").notNull(),
    upstreamUpdatedAt: timestamptz("upstream_updated_at").notNull(),
    doneAt: timestamptz("done_at"),
    /** The session as the upstream last returned it (validated), for fields without a column. */
    upstream: jsonb("upstream").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    syncedAt: timestamptz("synced_at").notNull().defaultNow(),
  },
  (table) => [
    /** Runner detail: a runner's sessions in order. */
    index("sessions_runner_id_created_idx").on(table.runnerId, table.upstreamCreatedAt),
  ],
);

export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
