import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns";
import { users } from "./users";

/**
 * Signed-in browsers. Security invariant: the cookie holds a 256-bit random token; only its
 * SHA-256 hash is stored, so a leaked table cannot be replayed as cookies. Deleting a row signs
 * that browser out at once, on every instance; deleting a user's rows is "sign out everywhere".
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    /** Thirty days after sign-in, like the cookie: then the person signs in again. */
    expiresAt: timestamptz("expires_at").notNull(),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (table) => [
    /** Every signed-in request: find the session behind a cookie. */
    uniqueIndex("user_sessions_token_hash_key").on(table.tokenHash),
    /** Sign out everywhere: a user's sessions. */
    index("user_sessions_user_id_idx").on(table.userId),
  ],
);

export type UserSession = typeof userSessions.$inferSelect;
