import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema";
import { revokeUserSessions } from "@/lib/auth/session-store";
import { findUserOrFail } from "./find-user";
import { assertAnAdminRemains, lockUserAccess } from "./last-admin";

/**
 * Removes a person from Switchyard: they are signed out everywhere at once and can no longer sign
 * in (sign-in refuses a disabled account). The row is marked `disabled`, not deleted: deleting
 * would cascade to the API keys they own and blank out who connected a site or started a
 * runner, while a disabled row keeps that ownership and provenance readable. Removing someone
 * already removed is a no-op. Never removes the last active admin.
 */
export function removeUser(db: Database, userId: string): Promise<void> {
  return db.transaction(async (tx) => {
    await lockUserAccess(tx);
    const person = await findUserOrFail(tx, userId);
    await assertAnAdminRemains(tx, person, { role: person.role, status: "disabled" });
    if (person.status !== "disabled")
      await tx.update(users).set({ status: "disabled" }).where(eq(users.id, person.id));
    await revokeUserSessions(tx, person.id);
  });
}
