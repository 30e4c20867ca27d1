import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, unlinkSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
// Relative, not "@/": drizzle-kit loads this file through drizzle.config.ts without the path alias.
import { createFileExclusive, ensureDataDir, replaceFile } from "../data-dir";
import { startWireServer, type WireServer } from "./wire-server";

/*
 * The embedded database lives in `<DATA_DIR>/pglite`. Exactly one process (the owner) opens
 * those files and serves them on a loopback port; every other process (the app server, the
 * CLI, drizzle-kit) connects to that port. `<DATA_DIR>/embedded-server.json` (0600) names the
 * owner, its port and the password clients must present. Two PGlite instances on the same
 * files would corrupt them, so ownership is only ever taken over from a process that is gone.
 */

const OWNER_FILE = "embedded-server.json";
const STARTUP_WAIT_MS = 30_000;

/** The embedded data directory exists but cannot be opened; nothing in it was changed. */
export class EmbeddedDataError extends Error {
  constructor(
    readonly directory: string,
    reason: string,
  ) {
    super(`the embedded database in ${directory} cannot be opened (${reason})`);
    this.name = "EmbeddedDataError";
  }
}

interface OwnerRecord {
  pid: number;
  port: number | null;
  password: string;
}

export interface EmbeddedConnection {
  url: string;
  /** Set when this process opened the files and serves them; null when it joined another owner. */
  ownedServer: { stop(): Promise<void> } | null;
  ownerPid: number;
}

export function embeddedDataPaths(dataDir: string) {
  const root = ensureDataDir(dataDir);
  return { root, pgdata: join(root, "pglite"), ownerFile: join(root, OWNER_FILE) };
}

function embeddedUrl(owner: OwnerRecord & { port: number }): string {
  return `postgres://postgres:${encodeURIComponent(owner.password)}@127.0.0.1:${owner.port}/postgres?sslmode=disable`;
}

/** Joins the running owner of `dataDir`, or becomes the owner. */
export async function connectEmbedded(dataDir: string): Promise<EmbeddedConnection> {
  const paths = embeddedDataPaths(dataDir);
  const deadline = Date.now() + STARTUP_WAIT_MS;
  let lastOwner: OwnerRecord | undefined;

  while (Date.now() < deadline) {
    const owner = readOwner(paths.ownerFile);
    if (owner === "absent") {
      const claim: OwnerRecord = {
        pid: process.pid,
        port: null,
        password: randomBytes(24).toString("base64url"),
      };
      if (createFileExclusive(paths.ownerFile, JSON.stringify(claim))) return becomeOwner(paths, claim);
      continue;
    }
    if (owner !== "unreadable" && isAlive(owner.pid)) {
      if (owner.port !== null && (await isListening(owner.port))) {
        return { url: embeddedUrl({ ...owner, port: owner.port }), ownedServer: null, ownerPid: owner.pid };
      }
      // Alive but not serving: still opening the files, or shutting down. Never take over from it.
      lastOwner = owner;
      await sleep(100);
      continue;
    }
    removeStaleOwner(paths.ownerFile, owner);
  }
  throw new EmbeddedDataError(
    paths.pgdata,
    `process ${lastOwner?.pid ?? "?"} holds it but does not answer; stop that process, or delete ${paths.ownerFile} if it is gone`,
  );
}

async function becomeOwner(
  paths: ReturnType<typeof embeddedDataPaths>,
  claim: OwnerRecord,
): Promise<EmbeddedConnection> {
  let database: PGlite | undefined;
  let server: WireServer | undefined;
  const releaseOwnership = () => {
    const current = readOwner(paths.ownerFile);
    if (typeof current === "object" && current.pid === process.pid) unlinkQuietly(paths.ownerFile);
  };
  process.once("exit", releaseOwnership);
  try {
    assertLooksLikePgdata(paths.pgdata);
    database = await openPglite(paths.pgdata);
    server = await startWireServer(database, {
      password: claim.password,
      onFatal: (error) => {
        console.error(
          `The embedded database stopped unexpectedly (${(error as Error)?.message?.split("\n")[0] ?? "unknown error"}); restart Switchyard.`,
        );
        releaseOwnership();
        process.exit(1);
      },
    });
    replaceFile(paths.ownerFile, JSON.stringify({ ...claim, port: server.port } satisfies OwnerRecord));
  } catch (error) {
    await server?.close();
    await database?.close().catch(() => undefined);
    releaseOwnership();
    process.removeListener("exit", releaseOwnership);
    throw error;
  }
  const ownedDatabase = database;
  const ownedServer = server;
  return {
    url: embeddedUrl({ ...claim, port: ownedServer.port }),
    ownerPid: process.pid,
    ownedServer: {
      async stop() {
        await ownedServer.close();
        await ownedDatabase.close();
        releaseOwnership();
        process.removeListener("exit", releaseOwnership);
      },
    },
  };
}

/** Refuses a directory that holds something other than a PostgreSQL cluster, rather than initialising over it. */
function assertLooksLikePgdata(pgdata: string): void {
  if (!existsSync(pgdata)) return;
  const entries = readdirSync(pgdata);
  if (entries.length > 0 && !entries.includes("PG_VERSION")) {
    throw new EmbeddedDataError(
      pgdata,
      "it is not empty and holds no PostgreSQL data (PG_VERSION is missing)",
    );
  }
}

async function openPglite(pgdata: string): Promise<PGlite> {
  try {
    const database = new PGlite(pgdata);
    await database.waitReady;
    await database.query("select 1");
    return database;
  } catch (error) {
    const reason = error instanceof Error && error.message ? error.message.split("\n")[0] : undefined;
    throw new EmbeddedDataError(pgdata, reason ?? "unreadable data files");
  }
}

function readOwner(ownerFile: string): OwnerRecord | "absent" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(ownerFile, "utf8");
  } catch {
    return "absent";
  }
  try {
    const record = JSON.parse(text) as Partial<OwnerRecord>;
    if (
      typeof record.pid === "number" &&
      typeof record.password === "string" &&
      (typeof record.port === "number" || record.port === null)
    ) {
      return { pid: record.pid, port: record.port, password: record.password };
    }
  } catch {
    // fall through: the file is written atomically, so this is a foreign or damaged file
  }
  return "unreadable";
}

/** Removes the owner file only if it still says what we judged stale, so a new owner's claim survives. */
function removeStaleOwner(ownerFile: string, judged: OwnerRecord | "unreadable"): void {
  const current = readOwner(ownerFile);
  if (JSON.stringify(current) === JSON.stringify(judged)) unlinkQuietly(ownerFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolveListening) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolveListening(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolveListening(false);
    });
    socket.once("error", () => resolveListening(false));
  });
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The address of the embedded server another process is running for `dataDir`, if any (for drizzle-kit). */
export function runningEmbeddedUrl(dataDir: string): string | undefined {
  const owner = readOwner(embeddedDataPaths(dataDir).ownerFile);
  return typeof owner === "object" && owner.port !== null && isAlive(owner.pid)
    ? embeddedUrl({ ...owner, port: owner.port })
    : undefined;
}
