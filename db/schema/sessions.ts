import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";
import { runners } from "./runners";
import { type SessionState, type SessionStateOnWire, sessionStates } from "./upstream-states";

export { type SessionState, type SessionStateOnWire, sessionStates };

/**
 * One interaction as the cache stores it: what lib/netlify's interaction schema guarantees after
 * parsing (a documented kind, a later one, or one degraded to unreadable), stated structurally
 * because the database layer imports nothing from lib/.
 */
export interface StoredInteraction {
  type: string;
  status: string;
  payload: unknown[];
  [field: string]: unknown;
}
/** A session's interactions keyed by refId. */
export type StoredInteractions = Record<string, StoredInteraction>;

/** Cache of upstream runner sessions (one per prompt or follow-up), for the runner detail view. */
export const sessions = pgTable(
  "sessions",
  {
    /** Netlify's session id. */
    id: text("id").primaryKey(),
    runnerId: text("runner_id")
      .notNull()
      .references(() => runners.id, { onDelete: "cascade" }),
    /** Upstream's state as sent; no enum constraint, so a state Netlify adds later is stored as is. */
    state: text("state").$type<SessionStateOnWire>().notNull(),
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
    /** Why the platform stopped an `interrupted` session, e.g. `credit_limit`; null otherwise. */
    interruptReason: text("interrupt_reason"),
    /** Upstream's sentence for a session stopped by a credit limit, written for people. */
    creditLimitExceededMessage: text("credit_limit_exceeded_message"),
    /**
     * What the agent asked and how it was settled, keyed by refId (`{}` when it asked nothing).
     * The question text is the agent's own: render it as text, never as HTML.
     */
    interactions: jsonb("interactions").$type<StoredInteractions>().notNull().default(sql`'{}'::jsonb`),
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
