import { bigint, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";
import { createdAt } from "./columns";

/**
 * Proxy audit trail: one row per request made with a key. Security invariant: it records the
 * route template (`/agent_runners/{id}`), never the raw path, query, body or key.
 */
export const requestLog = pgTable(
  "request_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** Null when the presented key matched nothing (failed authentication). */
    apiKeyId: uuid("api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    siteId: text("site_id"),
    requestId: text("request_id").notNull(),
    method: text("method").notNull(),
    route: text("route").notNull(),
    status: integer("status").notNull(),
    latencyMs: integer("latency_ms").notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    /** Settings: a key's recent requests and usage counts. */
    index("request_log_api_key_id_created_idx").on(table.apiKeyId, table.createdAt.desc()),
    /** Retention: delete rows past their age. */
    index("request_log_created_at_idx").on(table.createdAt),
  ],
);

export type RequestLogEntry = typeof requestLog.$inferSelect;
export type NewRequestLogEntry = typeof requestLog.$inferInsert;
