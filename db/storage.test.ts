import { eq, getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { migrate } from "./migrate";
import { queryRows } from "./query-rows";
import * as schema from "./schema";
import {
  apiKeys,
  netlifyConnections,
  requestLog,
  runners,
  sessions,
  sites,
  syncState,
  users,
} from "./schema";
import { storageBackends, type TestDatabase } from "./testing/backends";

/** Every table the schema declares: the migrations must create exactly these. */
const appTables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table))
  .sort();

async function schemaFingerprint(db: Database): Promise<string> {
  const columns = await queryRows(
    db,
    sql`select table_name, column_name, data_type, is_nullable, column_default
        from information_schema.columns where table_schema = 'public'
        order by table_name, column_name`,
  );
  const indexes = await queryRows(
    db,
    sql`select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`,
  );
  return JSON.stringify({ columns, indexes });
}

async function appliedMigrationCount(db: Database): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return row?.n ?? -1;
}

describe.each(storageBackends())("storage on $name", (backend) => {
  let database: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    database = await backend.create();
    db = database.handle.db;
  });
  afterAll(() => database?.dispose());

  it("migrates an empty database to the full schema", async () => {
    const before = await queryRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    expect(before).toEqual([]);

    const result = await migrate(db);
    expect(result.applied).toBe(result.total);
    expect(result.total).toBeGreaterThan(0);

    const tables = await queryRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(appTables);
  });

  it("changes nothing when migrated again", async () => {
    const before = await schemaFingerprint(db);
    const result = await migrate(db);
    expect(result.applied).toBe(0);
    expect(await schemaFingerprint(db)).toBe(before);
    expect(await appliedMigrationCount(db)).toBe(result.total);
  });

  it("round-trips a row of every table", async () => {
    const [user] = await db
      .insert(users)
      .values({
        email: "ana@example.com",
        fullName: "Ana",
        netlifyUserId: "nu_1",
        role: "admin",
        status: "active",
      })
      .returning();
    expect(user).toMatchObject({
      email: "ana@example.com",
      role: "admin",
      status: "active",
      avatarUrl: null,
    });
    expect(user?.createdAt).toBeInstanceOf(Date);
    const userId = user?.id as string;

    await db.insert(netlifyConnections).values({
      userId,
      tokenKind: "oauth",
      tokenCiphertext: "ciphertext",
      accountSlugs: ["team-a", "team-b"],
    });
    const [connection] = await db
      .select()
      .from(netlifyConnections)
      .where(eq(netlifyConnections.userId, userId));
    expect(connection).toMatchObject({ tokenKind: "oauth", accountSlugs: ["team-a", "team-b"] });

    await db
      .insert(sites)
      .values({ id: "site_1", name: "shop", url: "https://shop.example", connectedByUserId: userId });
    const [site] = await db.select().from(sites).where(eq(sites.id, "site_1"));
    expect(site).toMatchObject({ name: "shop", url: "https://shop.example", connectedByUserId: userId });

    const expiresAt = new Date("2030-01-02T03:04:05.678Z");
    const [key] = await db
      .insert(apiKeys)
      .values({
        name: "ci-bot",
        keyHash: "a".repeat(64),
        displayPrefix: "oc_abcd",
        siteId: "site_1",
        scopes: ["agent_runners:read", "agent_runners:deploy"],
        ownerUserId: userId,
        expiresAt,
      })
      .returning();
    expect(key).toMatchObject({
      scopes: ["agent_runners:read", "agent_runners:deploy"],
      expiresAt,
      revokedAt: null,
      requestCount: 0,
    });
    await expect(
      db.insert(apiKeys).values({
        name: "dup",
        keyHash: "a".repeat(64),
        displayPrefix: "oc_x",
        siteId: "site_1",
        scopes: [],
      }),
    ).rejects.toThrow();

    const createdAt = new Date("2026-01-24T12:33:34.171Z");
    await db.insert(runners).values({
      id: "runner_1",
      siteId: "site_1",
      state: "running",
      title: "Add a contact form",
      prNumber: 7,
      creator: { id: "nu_1", fullName: "Ana", email: "ana@example.com", avatarUrl: null },
      createdViaKeyId: key?.id,
      upstreamCreatedAt: createdAt,
      upstreamUpdatedAt: createdAt,
      lastSessionCreatedAt: createdAt,
      upstream: { id: "runner_1", attached_file_keys: [] },
    });
    const [runner] = await db.select().from(runners).where(eq(runners.id, "runner_1"));
    expect(runner).toMatchObject({
      state: "running",
      prNumber: 7,
      prIsBeingCreated: false,
      creator: { fullName: "Ana" },
      upstream: { attached_file_keys: [] },
      lastSessionCreatedAt: createdAt,
    });

    await db.insert(sessions).values({
      id: "session_1",
      runnerId: "runner_1",
      state: "done",
      prompt: "Add a contact form",
      durationMs: 255_706,
      upstreamCreatedAt: createdAt,
      upstreamUpdatedAt: createdAt,
    });
    const [session] = await db.select().from(sessions).where(eq(sessions.runnerId, "runner_1"));
    expect(session).toMatchObject({ mode: "normal", durationMs: 255_706, isDiscarded: false, upstream: {} });

    await db
      .insert(syncState)
      .values({ siteId: "site_1", cursor: "2026-01-24T12:42:20.392Z", consecutiveFailures: 2 });
    const [state] = await db.select().from(syncState);
    expect(state).toMatchObject({
      cursor: "2026-01-24T12:42:20.392Z",
      consecutiveFailures: 2,
      lastFullSyncAt: null,
    });

    await db.insert(requestLog).values([
      {
        apiKeyId: key?.id,
        siteId: "site_1",
        requestId: "r1",
        method: "GET",
        route: "/agent_runners",
        status: 200,
        latencyMs: 12,
      },
      {
        apiKeyId: null,
        requestId: "r2",
        method: "GET",
        route: "/agent_runners/{id}",
        status: 401,
        latencyMs: 1,
      },
    ]);
    const logged = await db.select().from(requestLog).orderBy(requestLog.id);
    expect(logged.map((row) => [row.requestId, row.status])).toEqual([
      ["r1", 200],
      ["r2", 401],
    ]);
    expect(logged[1]?.id).toBeGreaterThan(logged[0]?.id ?? Number.POSITIVE_INFINITY);

    // Disconnecting a site removes its cached runners, sessions, keys and sync state with it.
    await db.delete(sites).where(eq(sites.id, "site_1"));
    expect(await db.select().from(runners)).toEqual([]);
    expect(await db.select().from(sessions)).toEqual([]);
    expect(await db.select().from(apiKeys)).toEqual([]);
    expect(await db.select().from(syncState)).toEqual([]);
    expect((await db.select().from(requestLog)).map((row) => row.apiKeyId)).toEqual([null, null]);
  });

  it("never shows another connection a transaction's uncommitted writes", async () => {
    const other = await database.openAnother();
    let committedAt = Number.POSITIVE_INFINITY;
    let concurrentRead: Promise<{ rows: number; at: number }> | undefined;
    await db.transaction(async (tx) => {
      await tx.insert(sites).values({ id: "site_tx", name: "tx" });
      // PostgreSQL answers from its snapshot at once; the embedded database makes the reader wait its turn.
      concurrentRead = other.db
        .select()
        .from(sites)
        .where(eq(sites.id, "site_tx"))
        .then((rows) => ({ rows: rows.length, at: performance.now() }));
      await new Promise((resolve) => setTimeout(resolve, 150));
      committedAt = performance.now();
    });
    const read = await concurrentRead;
    expect(read?.rows).toBe(read && read.at < committedAt ? 0 : 1);
    expect(await other.db.select().from(sites).where(eq(sites.id, "site_tx"))).toHaveLength(1);
  });
});

describe.each(storageBackends())("start-up migration lock on $name", (backend) => {
  let database: TestDatabase;
  afterAll(() => database?.dispose());

  it("applies each migration exactly once when instances start together", async () => {
    database = await backend.create();
    const instances = [database.handle, ...(await Promise.all([1, 2, 3].map(() => database.openAnother())))];
    const results = await Promise.all(instances.map((instance) => migrate(instance.db)));
    const total = results[0]?.total ?? 0;
    expect(results.map((result) => result.applied).sort()).toEqual([0, 0, 0, total]);
    expect(await appliedMigrationCount(database.handle.db)).toBe(total);
  });
});
