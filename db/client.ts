import "server-only";
import { Pool as NeonPool, neonConfig } from "@neondatabase/serverless";
import { drizzle as drizzleNeon } from "drizzle-orm/neon-serverless";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import WebSocket from "ws";
import { openEmbeddedPool } from "./embedded/embedded-pool";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** `pglite`: embedded, in DATA_DIR. `pg`: node-postgres. `neon`: Neon's serverless driver over WebSocket. */
export type DatabaseDriver = "pglite" | "pg" | "neon";

export interface DatabaseOptions {
  url?: string;
  /** Forces a driver for `url`; otherwise a `*.neon.tech` host means Neon and anything else node-postgres. */
  driver?: "pg" | "neon";
  dataDir: string;
  /**
   * `host:port/path` of a WebSocket-to-TCP bridge for the Neon driver. Neon's hosted proxy needs
   * none; local PostgreSQL does (this is how Neon's driver is tested against a plain server).
   */
  neonWebSocketProxy?: string;
  maxConnections?: number;
}

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  /** Where the data lives, safe to show (no credentials). */
  location: string;
  close(): Promise<void>;
}

/** Could not connect or authenticate; the message carries no credentials. */
export class DatabaseUnreachableError extends Error {
  constructor(
    readonly location: string,
    reason: string,
  ) {
    super(`cannot reach the database at ${location} (${reason})`);
    this.name = "DatabaseUnreachableError";
  }
}

export function pickDriver(options: Pick<DatabaseOptions, "url" | "driver">): DatabaseDriver {
  if (!options.url) return "pglite";
  if (options.driver) return options.driver;
  return new URL(options.url).hostname.endsWith(".neon.tech") ? "neon" : "pg";
}

/** Host, port and database name of a URL, never its user or password. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`;
}

/**
 * Databases whose pooled connections each have a session of their own (node-postgres, Neon), so a
 * statement prepared on one connection cannot clash with another's. Not the embedded database:
 * its clients share a single PGlite backend, where one client's named statement would collide
 * with the next client's.
 */
const ownSessionPerConnection = new WeakSet<Database>();

export const preparesStatementsPerConnection = (db: Database) => ownSessionPerConnection.has(db);

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const driver = pickDriver(options);
  const max = options.maxConnections ?? 10;

  if (driver === "pglite") {
    const embedded = await openEmbeddedPool(options.dataDir, Math.min(max, 4));
    return verified({
      db: drizzlePg(embedded.pool, { schema }),
      driver,
      location: embedded.connection.ownedServer
        ? `embedded (${options.dataDir})`
        : `embedded (${options.dataDir}, served by process ${embedded.connection.ownerPid})`,
      close: embedded.close,
    });
  }

  const url = options.url as string;
  if (driver === "neon") {
    neonConfig.webSocketConstructor = WebSocket;
    if (options.neonWebSocketProxy) {
      // A local bridge speaks plain ws:// and cannot take Neon's pipelined TLS start-up.
      const proxy = options.neonWebSocketProxy;
      neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
      neonConfig.useSecureWebSocket = false;
      neonConfig.pipelineTLS = false;
      neonConfig.pipelineConnect = false;
    }
    const pool = new NeonPool({ connectionString: url, max });
    // An idle client's socket error must not crash the process; the pool replaces the client.
    pool.on("error", () => undefined);
    const db = drizzleNeon(pool, { schema });
    ownSessionPerConnection.add(db);
    return verified({
      db,
      driver,
      location: describeUrl(url),
      close: () => pool.end(),
    });
  }

  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // An idle client's socket error must not crash the process; the pool replaces the client.
  pool.on("error", () => undefined);
  const db = drizzlePg(pool, { schema });
  ownSessionPerConnection.add(db);
  return verified({
    db,
    driver,
    location: describeUrl(url),
    close: () => pool.end(),
  });
}

async function verified(handle: DatabaseHandle): Promise<DatabaseHandle> {
  try {
    await handle.db.execute("select 1");
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw new DatabaseUnreachableError(handle.location, reasonOf(error));
  }
}

const knownCauses: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  ECONNRESET: "connection reset",
  "28P01": "password authentication failed",
  "28000": "authorization rejected",
  "3D000": "database does not exist",
};

/** A short, credential-free reason: drizzle wraps driver errors, so look at the innermost cause. */
function reasonOf(error: unknown): string {
  let innermost = error;
  while (innermost instanceof Error && innermost.cause) innermost = innermost.cause;
  const code = (innermost as { code?: string }).code;
  if (code && knownCauses[code]) return `${code}: ${knownCauses[code]}`;
  const message = innermost instanceof Error ? innermost.message : String(innermost);
  // Driver messages can echo the connection string.
  const firstLine = (message.split("\n")[0] ?? "").replace(/\/\/[^@\s/]+@/g, "//***@").trim();
  return [code, firstLine || "connection failed"].filter(Boolean).join(": ");
}
