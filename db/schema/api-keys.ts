import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns";
import { sites } from "./sites";
import { users } from "./users";

export const apiKeyScopes = ["agent_runners:read", "agent_runners:write", "agent_runners:deploy"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/**
 * Scoped keys for the proxy. Security invariant: the plaintext `oc_…` key is shown once at
 * creation and never stored; only its SHA-256 hash and a short display prefix are kept.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    keyHash: text("key_hash").notNull(),
    /** The first characters of the key (e.g. `oc_3fK9`), enough to recognise it in a list. */
    displayPrefix: text("display_prefix").notNull(),
    siteId: text("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    scopes: text("scopes", { enum: apiKeyScopes }).array().notNull(),
    /** Null owner: minted from the CLI, acting with the service token. */
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamptz("expires_at"),
    revokedAt: timestamptz("revoked_at"),
    lastUsedAt: timestamptz("last_used_at"),
    requestCount: integer("request_count").notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [
    /** Every proxy request: look the presented key up by its hash. */
    uniqueIndex("api_keys_key_hash_key").on(table.keyHash),
    /** Settings and `keys list --site`: keys of one site. */
    index("api_keys_site_id_idx").on(table.siteId),
    /** Settings: a member's own keys. */
    index("api_keys_owner_user_id_idx").on(table.ownerUserId),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = typeof apiKeys.$inferInsert;
