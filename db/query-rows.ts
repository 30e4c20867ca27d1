import type { SQL } from "drizzle-orm";
import type { Database } from "./client";

/** Raw rows of a hand-written SQL query (for statements the query builder cannot express). Both node-postgres and Neon return `{ rows }`; the shared type cannot say so. */
export async function queryRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
