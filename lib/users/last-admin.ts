import { and, count, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type User, type UserRole, type UserStatus, users } from "@/db/schema";
import { ApiError } from "@/lib/http/api-error";

/**
 * Serializes every change of a person's role or status until the transaction ends. An advisory
 * lock rather than row locks on the admins: the question "would any active admin remain?" is about
 * a set of rows, and two admins demoting each other at once must see each other's change, so
 * both read the count only after the other has committed (READ COMMITTED reads afresh per
 * statement). It works alike on PostgreSQL, Neon's pooler (transaction-scoped) and the embedded
 * database.
 */
export async function lockUserAccess(tx: Database): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('switchyard:user-access'))`);
}

const isActiveAdmin = (person: { role: UserRole; status: UserStatus }) =>
  person.role === "admin" && person.status === "active";

/**
 * Invariant: Switchyard always has at least one active admin, or nobody could approve people or
 * manage keys again. Refuses a change that would take the last one away, whoever asks (an admin
 * demoting or removing themselves included). Call it inside the transaction, after
 * `lockUserAccess`.
 */
export async function assertAnAdminRemains(
  tx: Database,
  person: User,
  next: { role: UserRole; status: UserStatus },
): Promise<void> {
  if (!isActiveAdmin(person) || isActiveAdmin(next)) return;
  const [{ admins } = { admins: 0 }] = await tx
    .select({ admins: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")));
  if (admins <= 1)
    throw new ApiError("CONFLICT", "Switchyard needs at least one admin: make someone else an admin first.");
}
