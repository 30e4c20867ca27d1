import type { Database } from "@/db";
import { type UserRole, users } from "@/db/schema";

export const actorRoles = {
  admin: "admin",
  member: "member",
  otherMember: "member",
  viewer: "viewer",
} as const satisfies Record<string, UserRole>;
export type ActorName = keyof typeof actorRoles;

/** One active person per name (`admin@example.com`…), with the role the name says. */
export async function insertActors(
  db: Database,
): Promise<Record<ActorName, { userId: string; role: UserRole }>> {
  const actors = {} as Record<ActorName, { userId: string; role: UserRole }>;
  for (const [name, role] of Object.entries(actorRoles) as [ActorName, UserRole][]) {
    const [user] = await db
      .insert(users)
      .values({ email: `${name}@example.com`, role, status: "active" })
      .returning();
    actors[name] = { userId: user?.id ?? "", role };
  }
  return actors;
}
