import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

/**
 * Fixed-window request counters for the proxy's rate limits. In Postgres, not in memory,
 * because many stateless instances serve one key and must share one count.
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    /** `key:<key id>:<class>` for a key's calls, `auth:<client ip>` for failed authentications. */
    bucket: text("bucket").primaryKey(),
    /** Start of the current window (the minute, by the database's clock); a new window restarts the count. */
    windowStart: timestamptz("window_start").notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (table) => [
    /** Clean-up: forget counters whose window is long over. */
    index("rate_limit_counters_window_start_idx").on(table.windowStart),
  ],
);
