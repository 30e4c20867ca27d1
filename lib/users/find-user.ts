import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db";
import { type User, users } from "@/db/schema";
import { ApiError } from "@/lib/http/api-error";

/** The person with this id, or a 404; an id that is not a UUID is simply not found. */
export async function findUserOrFail(db: Database, userId: string): Promise<User> {
  const [person] = z.uuid().safeParse(userId).success
    ? await db.select().from(users).where(eq(users.id, userId))
    : [];
  if (!person) throw new ApiError("NOT_FOUND", "No such user.");
  return person;
}
