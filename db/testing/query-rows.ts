import type { SQL } from "drizzle-orm";
import type { Database } from "../client";

/** Raw rows of a SQL query. Both node-postgres and Neon return `{ rows }`; the shared type cannot say so. */
export async function queryRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
