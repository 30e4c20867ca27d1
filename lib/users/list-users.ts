import { asc, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type User, users } from "@/db/schema";

/** Everyone who ever signed in: people waiting for approval first, then by name (email if none). */
export function listUsers(db: Database): Promise<User[]> {
  return db
    .select()
    .from(users)
    .orderBy(
      sql`case when ${users.status} = 'pending' then 0 else 1 end`,
      sql`lower(coalesce(${users.fullName}, ${users.email}))`,
      asc(users.email),
    );
}
