import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../client";
import { startNeonWebSocketBridge } from "./neon-ws-bridge";

/*
 * The storage back ends the integration suite runs on. Embedded PGlite always; real PostgreSQL
 * and the Neon driver when TEST_DATABASE_URL names a server. Every `create()` gives a brand-new,
 * empty database that `dispose()` removes again.
 */

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Another, independent connection to the same database (a second app instance). */
  openAnother(): Promise<DatabaseHandle>;
  dispose(): Promise<void>;
}

export interface StorageBackend {
  name: string;
  create(): Promise<TestDatabase>;
}

/** Read here rather than through lib/env: it configures the test harness, not the app. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

export function storageBackends(): StorageBackend[] {
  const backends: StorageBackend[] = [{ name: "embedded PGlite", create: createEmbedded }];
  if (testDatabaseUrl) {
    const serverUrl = testDatabaseUrl;
    backends.push(
      { name: "PostgreSQL (node-postgres)", create: () => createOnServer(serverUrl, "pg") },
      { name: "Neon driver (WebSocket bridge)", create: () => createOnServer(serverUrl, "neon") },
    );
  }
  return backends;
}

async function createEmbedded(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), "switchyard-pglite-"));
  const handles: DatabaseHandle[] = [];
  const open = async () => {
    const handle = await openDatabase({ dataDir });
    handles.push(handle);
    return handle;
  };
  const handle = await open();
  return {
    handle,
    openAnother: open,
    async dispose() {
      // Clients first, then the owner that serves the files.
      for (const opened of handles.reverse()) await opened.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a fresh database on the server of `serverUrl`; returns its URL and a way to drop it. */
export async function createFreshDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `switchyard_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

async function createOnServer(serverUrl: string, driver: "pg" | "neon"): Promise<TestDatabase> {
  const fresh = await createFreshDatabase(serverUrl);
  const bridge = driver === "neon" ? await startNeonWebSocketBridge() : undefined;
  const handles: DatabaseHandle[] = [];
  const open = async () => {
    const handle = await openDatabase({
      url: fresh.url,
      driver,
      dataDir: "unused",
      neonWebSocketProxy: bridge?.proxy,
      maxConnections: 4,
    });
    handles.push(handle);
    return handle;
  };
  const handle = await open();
  return {
    handle,
    openAnother: open,
    async dispose() {
      for (const opened of handles) await opened.close();
      await bridge?.close();
      await fresh.drop();
    },
  };
}
