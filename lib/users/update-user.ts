import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type User, type UserRole, users } from "@/db/schema";
import { findUserOrFail } from "./find-user";
import { assertAnAdminRemains, lockUserAccess } from "./last-admin";

export interface UserChange {
  role?: UserRole;
  /** Lets a person in: approves someone waiting, or lets a removed person back in. */
  status?: "active";
}

/**
 * Approves and/or changes the role of a person, in one transaction with the last-admin check, so
 * a refused change writes nothing.
 */
export function updateUser(db: Database, userId: string, change: UserChange): Promise<User> {
  return db.transaction(async (tx) => {
    await lockUserAccess(tx);
    const person = await findUserOrFail(tx, userId);
    const next = { role: change.role ?? person.role, status: change.status ?? person.status };
    await assertAnAdminRemains(tx, person, next);
    if (next.role === person.role && next.status === person.status) return person;
    const [updated] = await tx.update(users).set(next).where(eq(users.id, person.id)).returning();
    if (!updated) throw new Error("updating a user returned no row");
    return updated;
  });
}

export const approveUser = (db: Database, userId: string) => updateUser(db, userId, { status: "active" });

export const changeUserRole = (db: Database, userId: string, role: UserRole) =>
  updateUser(db, userId, { role });
