import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz, updatedAt } from "./columns";

export const userRoles = ["admin", "member", "viewer"] as const;
export type UserRole = (typeof userRoles)[number];

/** How a person likes diffs laid out: one column, or old and new side by side. */
export const diffLayouts = ["unified", "split"] as const;
export type DiffLayoutPreference = (typeof diffLayouts)[number];

export const userStatuses = ["active", "pending", "disabled"] as const;
export type UserStatus = (typeof userStatuses)[number];

/** People who sign in. The first user becomes the admin; later ones wait for approval (`pending`). */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Netlify's user id; null only for users created before they linked Netlify (none today). */
    netlifyUserId: text("netlify_user_id"),
    email: text("email").notNull(),
    fullName: text("full_name"),
    avatarUrl: text("avatar_url"),
    role: text("role", { enum: userRoles }).notNull().default("member"),
    status: text("status", { enum: userStatuses }).notNull().default("pending"),
    lastSeenAt: timestamptz("last_seen_at"),
    /** Remembered from the diff viewer's Unified/Split switch, so every device opens diffs the same way. */
    diffLayout: text("diff_layout", { enum: diffLayouts }).notNull().default("unified"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    /** Sign-in: find the user behind a Netlify identity. */
    uniqueIndex("users_netlify_user_id_key").on(table.netlifyUserId),
    /** Allow-list checks and the admin's user search. */
    index("users_email_idx").on(table.email),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
