import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Database } from "@/db";
import { migrate } from "@/db/migrate";
import * as schema from "@/db/schema";
import { type BenchDatabase, createBenchDatabase } from "./bench-database";

/** SQL sent to the database, counted at the driver: every statement, and the rows that writes touched. */
export interface SqlCounts {
  statements: number;
  rowsWritten: number;
}

export interface CountingDatabase {
  bench: BenchDatabase;
  db: Database;
  counts(): SqlCounts;
  close(): Promise<void>;
}

const writeCommands = new Set(["INSERT", "UPDATE", "DELETE"]);

type QueryResultLike = { command?: string; rowCount?: number | null };
type Query = (...args: unknown[]) => unknown;

/**
 * A fresh, migrated database whose pool counts what reaches PostgreSQL. Every client the pool
 * opens has its `query` wrapped, so statements inside transactions (and `begin`/`commit`) count
 * too; the rows written are what each INSERT/UPDATE/DELETE reports, i.e. rows actually changed
 * (an upsert whose `where` skips a row does not count it).
 */
export async function createCountingDatabase(adminUrl: string): Promise<CountingDatabase> {
  const bench = await createBenchDatabase(adminUrl);
  const totals: SqlCounts = { statements: 0, rowsWritten: 0 };
  const pool = new pg.Pool({ connectionString: bench.url, max: 10 });
  pool.on("error", () => undefined);
  pool.on("connect", (client) => {
    // pg's `query` has a dozen overloads: drizzle awaits it in transactions, and `pool.query`
    // (drizzle outside one) passes a callback. Both forms are counted; nothing else is used.
    const original = client.query.bind(client) as Query;
    const tally = (answer: QueryResultLike | undefined) => {
      if (answer?.command && writeCommands.has(answer.command)) totals.rowsWritten += answer.rowCount ?? 0;
    };
    (client as unknown as { query: Query }).query = (...args: unknown[]) => {
      totals.statements++;
      const callback = args.at(-1);
      if (typeof callback === "function") {
        args[args.length - 1] = (error: unknown, answer: QueryResultLike) => {
          if (!error) tally(answer);
          callback(error, answer);
        };
        return original(...args);
      }
      const result = original(...args);
      return result instanceof Promise
        ? result.then((answer: QueryResultLike) => {
            tally(answer);
            return answer;
          })
        : result;
    };
  });
  const db: Database = drizzle(pool, { schema });
  try {
    await migrate(db);
  } catch (error) {
    await pool.end();
    await bench.drop();
    throw error;
  }
  return {
    bench,
    db,
    counts: () => ({ ...totals }),
    close: () => pool.end(),
  };
}

export const sqlDelta = (before: SqlCounts, after: SqlCounts): SqlCounts => ({
  statements: after.statements - before.statements,
  rowsWritten: after.rowsWritten - before.rowsWritten,
});
