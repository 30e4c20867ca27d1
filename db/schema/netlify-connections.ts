import { pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz, updatedAt } from "./columns";
import { users } from "./users";

export const netlifyTokenKinds = ["oauth", "personal"] as const;
export type NetlifyTokenKind = (typeof netlifyTokenKinds)[number];

/**
 * A user's Netlify credential. Security invariant: the token is stored only as AES-256-GCM
 * ciphertext keyed from AUTH_SECRET and is never sent to a browser, a log or an error.
 */
export const netlifyConnections = pgTable(
  "netlify_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenKind: text("token_kind", { enum: netlifyTokenKinds }).notNull(),
    /** base64url(iv ‖ auth tag ‖ ciphertext). */
    tokenCiphertext: text("token_ciphertext").notNull(),
    /** Netlify account slugs the token could see when last verified; drives the site picker. */
    accountSlugs: text("account_slugs").array().notNull().default([]),
    lastVerifiedAt: timestamptz("last_verified_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    /** One credential per user: signing in again replaces it. */
    uniqueIndex("netlify_connections_user_id_key").on(table.userId),
  ],
);

export type NetlifyConnection = typeof netlifyConnections.$inferSelect;
export type NewNetlifyConnection = typeof netlifyConnections.$inferInsert;
