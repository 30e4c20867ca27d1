import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * The `set` of an upsert: every column the incoming row sets is taken from `excluded`, except
 * those named in `keep` (the key, our own columns). Derived from a row the row builder made, so
 * a column added there is refreshed on conflict without a second hand-kept list.
 */
export function upsertSet<T extends PgTable>(
  table: T,
  row: Partial<T["$inferInsert"]>,
  keep: readonly (keyof T["$inferInsert"] & string)[],
): Record<string, SQL> {
  const columns = getTableColumns(table);
  const kept = new Set<string>(keep);
  const set: Record<string, SQL> = {};
  for (const key of Object.keys(row)) {
    if (kept.has(key)) continue;
    const column = columns[key];
    if (!column) throw new Error(`${key} is not a column of the table being upserted`);
    set[key] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}
