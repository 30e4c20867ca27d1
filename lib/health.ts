import type { DatabaseDriver } from "@/db";
import { database } from "@/lib/database";
import { ApiError } from "@/lib/http";

/**
 * The driver of the app's database once it has answered a query. A database that cannot be
 * opened or does not answer is a 503 `SERVICE_UNAVAILABLE`, its error kept as the cause (logged,
 * never sent: it may name hosts or hold a connection string).
 */
export async function checkDatabase(): Promise<DatabaseDriver> {
  try {
    const handle = await database();
    await handle.db.execute("select 1");
    return handle.driver;
  } catch (cause) {
    throw new ApiError("SERVICE_UNAVAILABLE", "The database is not reachable.", { cause });
  }
}
