import { join } from "node:path";
import { count, desc, sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { bigint, pgSchema, serial, text } from "drizzle-orm/pg-core";
import type { Database } from "./client";

/** Resolved from the working directory: inside a Next.js bundle `import.meta.url` points elsewhere. */
const MIGRATIONS_FOLDER = join(process.cwd(), "drizzle");

/** Any constant works; it only has to differ from other advisory locks taken on the same database. */
const MIGRATION_LOCK_KEY = 4_815_162_342;

/** drizzle-kit's bookkeeping table, declared here to query it with types (it is not part of the app schema). */
const appliedMigrations = pgSchema("drizzle").table("__drizzle_migrations", {
  id: serial("id").primaryKey(),
  hash: text("hash").notNull(),
  createdAt: bigint("created_at", { mode: "number" }),
});

export interface MigrationResult {
  applied: number;
  total: number;
}

/**
 * Applies pending drizzle-kit migrations. Safe when several instances start at once: the whole
 * run is one transaction that first takes a transaction-scoped advisory lock, so a second
 * instance waits, then finds nothing left to do. Uses drizzle's own bookkeeping table, so
 * `drizzle-kit migrate` and this function agree on what is applied.
 */
export async function migrate(db: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<MigrationResult> {
  const migrations = readMigrationFiles({ migrationsFolder });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(sql`
      create table if not exists drizzle.__drizzle_migrations (
        id serial primary key,
        hash text not null,
        created_at bigint
      )`);
    const [last] = await tx
      .select({ createdAt: appliedMigrations.createdAt })
      .from(appliedMigrations)
      .orderBy(desc(appliedMigrations.createdAt))
      .limit(1);
    const lastAppliedAt = last?.createdAt ?? 0;
    const pending = migrations.filter((migration) => migration.folderMillis > lastAppliedAt);
    for (const migration of pending) {
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.insert(appliedMigrations).values({ hash: migration.hash, createdAt: migration.folderMillis });
    }
    return { applied: pending.length, total: migrations.length };
  });
}

/** How many of the shipped migrations this database has applied. */
export async function migrationStatus(
  db: Database,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<MigrationResult> {
  const total = readMigrationFiles({ migrationsFolder }).length;
  const [row] = await db.select({ applied: count() }).from(appliedMigrations);
  return { applied: row?.applied ?? 0, total };
}
