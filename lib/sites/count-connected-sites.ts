import { count } from "drizzle-orm";
import type { Database } from "@/db";
import { sites } from "@/db/schema";

export async function countConnectedSites(db: Database): Promise<number> {
  const [row] = await db.select({ sites: count() }).from(sites);
  return row?.sites ?? 0;
}
