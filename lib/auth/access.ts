import type { UserRole, UserStatus } from "@/db/schema";
import type { Env } from "@/lib/env";

/** Who can do what, from least to most: a role satisfies every role at or below it. */
const roleRank: Record<UserRole, number> = { viewer: 0, member: 1, admin: 2 };

export const hasRole = (role: UserRole, needed: UserRole) => roleRank[role] >= roleRank[needed];

/**
 * Where a person who signs in for the first time starts: the very first is the owner (admin);
 * someone on the allow-lists is let in as a member; anyone else waits for an admin.
 */
export function firstSignInAccess(
  env: Pick<Env, "allowedEmails" | "allowedNetlifyTeams">,
  person: { email: string; teamSlugs: string[]; isFirstUser: boolean },
): { role: UserRole; status: UserStatus } {
  if (person.isFirstUser) return { role: "admin", status: "active" };
  const allowed =
    env.allowedEmails.includes(person.email.toLowerCase()) ||
    person.teamSlugs.some((slug) => env.allowedNetlifyTeams.includes(slug.toLowerCase()));
  return { role: "member", status: allowed ? "active" : "pending" };
}
