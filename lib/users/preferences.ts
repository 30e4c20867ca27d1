import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db";
import { diffLayouts, users } from "@/db/schema";

/** `PUT /api/session/preferences`: what the signed-in person chose to have remembered. */
export const preferencesSchema = z.strictObject({ diffLayout: z.enum(diffLayouts) });
export type Preferences = z.infer<typeof preferencesSchema>;

export async function savePreferences(
  db: Database,
  userId: string,
  preferences: Preferences,
): Promise<Preferences> {
  await db.update(users).set({ diffLayout: preferences.diffLayout }).where(eq(users.id, userId));
  return preferences;
}
