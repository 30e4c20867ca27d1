import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz, updatedAt } from "./columns";
import { users } from "./users";

/** A Netlify site connected to the board. The primary key is Netlify's own site id. */
export const sites = pgTable(
  "sites",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    url: text("url"),
    accountId: text("account_id"),
    accountSlug: text("account_slug"),
    accountName: text("account_name"),
    /** Whose Netlify token syncs this site; null means the service token (sites connected from the CLI). */
    connectedByUserId: uuid("connected_by_user_id").references(() => users.id, { onDelete: "set null" }),
    connectedAt: timestamptz("connected_at").notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    /** Settings: the sites a user connected. */
    index("sites_connected_by_user_id_idx").on(table.connectedByUserId),
  ],
);

export type Site = typeof sites.$inferSelect;
export type NewSite = typeof sites.$inferInsert;
