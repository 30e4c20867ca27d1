import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { User, UserRole } from "@/db/schema";
import { database } from "@/lib/database";
import { hasRole } from "./access";
import { SESSION_COOKIE } from "./session-cookie";
import { validateSession } from "./session-store";

/** The signed-in person behind this page request, if any (active or not). */
export async function currentUser(): Promise<User | undefined> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return undefined;
  const { db } = await database();
  return (await validateSession(db, token))?.user;
}

/**
 * For pages: the signed-in, approved person with at least `role`. Anyone else goes to the
 * sign-in page, which also tells a person whose account waits for approval.
 */
export async function requireUser(role: UserRole = "viewer"): Promise<User> {
  const user = await currentUser();
  if (user?.status !== "active") redirect("/sign-in");
  if (!hasRole(user.role, role)) redirect("/");
  return user;
}
