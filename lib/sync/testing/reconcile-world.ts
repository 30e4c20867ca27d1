import { count, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { migrate } from "@/db/migrate";
import { runners, sessions } from "@/db/schema";
import type { StorageBackend, TestDatabase } from "@/db/testing/backends";
import { createNetlifyClient, type NetlifyClient } from "@/lib/netlify/client";
import type { NetlifyConfig } from "@/lib/netlify/config";
import type { Page } from "@/lib/netlify/pagination";
import type { NetlifyRunner } from "@/lib/netlify/schemas";
import type { SimRunner } from "@/lib/netlify-sim/model";
import type { LoggedRequest } from "@/lib/netlify-sim/request-log";
import { runnerState } from "@/lib/netlify-sim/serialize";
import { type NetlifySimulator, startSimulator } from "@/lib/netlify-sim/server";
import { lastActivity } from "@/lib/netlify-sim/store";
import { connectSite } from "@/lib/sites/connect-site";

/*
 * A world for the site reconcile on one storage back end: a fresh database and a real simulator
 * with the demo seed but without the demo team, its clock frozen (speed 0) so nothing changes
 * upstream unless a test says so. Each test seeds sites of its own and connects them.
 */

export const worldToken = "reconcile-token";
/** A session queues 1.5 s and works at most 150 s in the simulator; this covers both with slack. */
const sessionMaxMs = 160_000;

export type ListParams = Parameters<NetlifyClient["runners"]["list"]>[0];

/** Hooks around each runner-list call: where tests change the upstream mid-pass. */
export interface ListHooks {
  before?(params: ListParams): void | Promise<void>;
  after?(params: ListParams, page: Page<NetlifyRunner>): void | Promise<void>;
}

export interface ReconcileWorld {
  db: Database;
  simulator: NetlifySimulator;
  client: NetlifyClient;
  /** A client with other settings (a short timeout, retries) against the same simulator. */
  clientWith(config: Partial<NetlifyConfig>): NetlifyClient;
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  /** Seeds a site of `runners` finished runners (one session each unless told) and connects it. */
  seededSite(runners: number, sessionsPerRunner?: number): Promise<string>;
  connect(siteId: string): Promise<void>;
  /** Moves the frozen clock on until every session started so far (and pending PRs) has finished. */
  finishSessions(): Promise<void>;
  /** A follow-up on the runner, ending as told once sessions finish; moves it to the top of its list. */
  followUp(runnerId: string, outcome?: "done" | "question"): Promise<void>;
  dispose(): Promise<void>;
}

export async function startReconcileWorld(backend: StorageBackend): Promise<ReconcileWorld> {
  let database: TestDatabase | undefined;
  let simulator: NetlifySimulator | undefined;
  try {
    database = await backend.create();
    await migrate(database.handle.db);
    simulator = await startSimulator({ token: worldToken, seed: "demo", speed: 0, team: false });
  } catch (error) {
    await simulator?.stop();
    await database?.dispose();
    throw error;
  }
  const sim = simulator;
  const db = database.handle.db;
  const opened = database;
  // No retries: a test must see the first answer the upstream gives.
  const clientWith = (config: Partial<NetlifyConfig>) =>
    createNetlifyClient({
      baseUrl: sim.apiUrl,
      token: worldToken,
      timeoutMs: 5_000,
      maxRetries: 0,
      ...config,
    });
  const client = clientWith({});

  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${sim.origin}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
    return response.status === 204 ? undefined : response.json();
  }
  const connect = async (siteId: string) => {
    await connectSite(db, client, siteId, null);
  };

  return {
    db,
    simulator: sim,
    client,
    clientWith,
    control,
    connect,
    async seededSite(runnerCount, sessionsPerRunner = 1) {
      const seeded = (await control("POST", "/__sim/seed", {
        runners: runnerCount,
        sites: 1,
        sessions: sessionsPerRunner,
      })) as { sites: string[] };
      const siteId = seeded.sites[0];
      if (!siteId) throw new Error("the simulator seeded no site");
      await connect(siteId);
      return siteId;
    },
    async finishSessions() {
      await control("POST", "/__sim/clock", { advance_ms: sessionMaxMs });
    },
    async followUp(runnerId, outcome = "done") {
      await control("POST", "/__sim/outcomes", { sessions: [outcome] });
      await client.sessions.create(runnerId, { prompt: "Add form validation" });
    },
    async dispose() {
      await sim.stop();
      await opened.dispose();
    },
  };
}

/** `client` with hooks around every runner-list call. */
export function withListHooks(client: NetlifyClient, hooks: ListHooks): NetlifyClient {
  return {
    ...client,
    runners: {
      ...client.runners,
      list: async (params, options) => {
        await hooks.before?.(params);
        const page = await client.runners.list(params, options);
        await hooks.after?.(params, page);
        return page;
      },
    },
  };
}

/** The site's runners upstream in the order the live list pages them (latest activity first). */
export function upstreamLiveList(simulator: NetlifySimulator, siteId: string): SimRunner[] {
  return (simulator.store.runnersBySite.get(siteId) ?? [])
    .filter((runner) => runnerState(runner) !== "archived")
    .sort((a, b) => lastActivity(b) - lastActivity(a));
}

/** Every runner of the site upstream, archived ones included. */
export const upstreamRunners = (simulator: NetlifySimulator, siteId: string): SimRunner[] => [
  ...(simulator.store.runnersBySite.get(siteId) ?? []),
];

export const cachedRunners = (db: Database, siteId: string) =>
  db.select().from(runners).where(eq(runners.siteId, siteId));

/** How many sessions the cache holds per runner id, for the given runners. */
export async function cachedSessionCounts(db: Database, runnerIds: string[]): Promise<Map<string, number>> {
  if (runnerIds.length === 0) return new Map();
  const rows = await db
    .select({ runnerId: sessions.runnerId, sessions: count() })
    .from(sessions)
    .where(inArray(sessions.runnerId, runnerIds))
    .groupBy(sessions.runnerId);
  return new Map(rows.map((row) => [row.runnerId, row.sessions]));
}

/** Per runner id, how many sessions upstream has (discarded ones included). */
export const upstreamSessionCounts = (list: SimRunner[]) =>
  new Map(list.map((runner) => [runner.id, runner.sessions.length]));

/** The API requests the simulator logged (control calls left out). */
export const apiRequests = (simulator: NetlifySimulator): LoggedRequest[] =>
  simulator.log.list().filter((entry) => entry.path.startsWith("/api/v1/"));

/** The runner ids whose session lists were read, in the order they were asked for. */
export const sessionListsRead = (simulator: NetlifySimulator): string[] =>
  apiRequests(simulator).flatMap((entry) => {
    const match = /^\/api\/v1\/agent_runners\/([^/]+)\/sessions$/.exec(entry.path);
    return match?.[1] && entry.method === "GET" ? [match[1]] : [];
  });

/** A deadline that never arrives, for passes that must finish. */
export const noDeadline = { deadline: Number.POSITIVE_INFINITY };
