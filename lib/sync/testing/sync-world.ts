import { count, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { migrate } from "@/db/migrate";
import { netlifyConnections, runners, type SyncState, sessions, syncState } from "@/db/schema";
import type { StorageBackend, TestDatabase } from "@/db/testing/backends";
import { createTokenCipher } from "@/lib/crypto/token-cipher";
import { type Env, parseEnv } from "@/lib/env-schema";
import { createNetlifyClient, type NetlifyClient } from "@/lib/netlify/client";
import type { FaultPlan } from "@/lib/netlify-sim/faults";
import type { LoggedRequest } from "@/lib/netlify-sim/request-log";
import { type NetlifySimulator, startSimulator } from "@/lib/netlify-sim/server";
import { connectSite } from "@/lib/sites/connect-site";
import { insertActors } from "@/lib/testing/actors";

/*
 * A world for the scheduler on one storage back end: a fresh database, a real simulator with its
 * clock frozen, an admin whose stored Netlify token syncs the sites they connect, and a service
 * token (the same simulated account) for sites connected from the CLI. Each test seeds and
 * connects sites of its own and names them when it runs the scheduler, so tests sharing the
 * world do not sync each other's sites.
 */

export const userToken = "sync-user-token";
export const serviceTokenValue = "sync-service-token";
export const cronSecret = "a-test-cron-secret-value";
const authSecret = "a-test-secret-of-at-least-thirty-two-characters";

export interface SyncWorld {
  db: Database;
  env: Env;
  simulator: NetlifySimulator;
  /** The admin whose stored token syncs the sites they connected. */
  adminId: string;
  memberId: string;
  client: NetlifyClient;
  /** The same world's settings with some changed (a longer upstream timeout…). */
  envWith(overrides: Record<string, string>): Env;
  /** Another connection pool to the same database: a second app instance. */
  openAnotherDatabase(): Promise<Database>;
  /** Seeds a site of `runnerCount` finished runners on the demo account and connects it. */
  seededSite(runnerCount: number, connectedBy?: "admin" | "service"): Promise<string>;
  /** The ids of the live list's page `page` (100 per page), newest activity first. */
  livePage(siteId: string, page: number): Promise<string[]>;
  /** Sets the simulator's one fault plan; null clears it. */
  fault(plan: FaultPlan | null): Promise<void>;
  upstreamRequests(): Promise<LoggedRequest[]>;
  clearUpstreamRequests(): Promise<void>;
  state(siteId: string): Promise<SyncState>;
  /** Makes the sites due now, as if their wait (schedule, backoff) had passed. */
  makeDue(siteIds: string[]): Promise<void>;
  cachedRunnerIds(siteId: string): Promise<string[]>;
  /** Cached runners of the site that have no cached session: a runner written without its sessions. */
  runnersWithoutSessions(siteId: string): Promise<number>;
  dispose(): Promise<void>;
}

export async function startSyncWorld(backend: StorageBackend): Promise<SyncWorld> {
  const database: TestDatabase = await backend.create();
  const db = database.handle.db;
  await migrate(db);
  const simulator = await startSimulator({ token: userToken, speed: 0, team: false });
  const accountUser = simulator.store.tokens.get(userToken);
  if (accountUser) simulator.store.tokens.set(serviceTokenValue, accountUser);
  const envWith = (overrides: Record<string, string>) =>
    parseEnv({
      NETLIFY_API_URL: simulator.apiUrl,
      NETLIFY_TOKEN: serviceTokenValue,
      AUTH_SECRET: authSecret,
      CRON_SECRET: cronSecret,
      NETLIFY_API_TIMEOUT_MS: "1000",
      ...overrides,
    });
  const actors = await insertActors(db);
  const adminId = actors.admin.userId;
  await db.insert(netlifyConnections).values({
    userId: adminId,
    tokenKind: "oauth",
    tokenCiphertext: createTokenCipher(authSecret).encrypt(userToken),
    lastVerifiedAt: new Date(),
  });
  const client = createNetlifyClient({ baseUrl: simulator.apiUrl, token: userToken, timeoutMs: 5_000 });

  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${simulator.origin}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }

  return {
    db,
    env: envWith({}),
    simulator,
    adminId,
    memberId: actors.member.userId,
    client,
    envWith,
    openAnotherDatabase: async () => (await database.openAnother()).db,
    async seededSite(runnerCount, connectedBy = "admin") {
      const seeded = (await control("POST", "/__sim/seed", { runners: runnerCount, sites: 1 })) as {
        sites: string[];
      };
      const siteId = seeded.sites[0] ?? "";
      await connectSite(db, client, siteId, connectedBy === "admin" ? adminId : null);
      return siteId;
    },
    async livePage(siteId, page) {
      const listed = await client.runners.list({ siteId, page, perPage: 100 });
      return listed.items.map((runner) => runner.id);
    },
    fault: async (plan) => {
      await (plan ? control("PUT", "/__sim/faults", plan) : control("DELETE", "/__sim/faults"));
    },
    async upstreamRequests() {
      const logged = (await control("GET", "/__sim/requests")) as LoggedRequest[];
      return logged.filter((request) => !request.path.startsWith("/__sim"));
    },
    clearUpstreamRequests: async () => {
      await control("DELETE", "/__sim/requests");
    },
    async state(siteId) {
      const [row] = await db.select().from(syncState).where(eq(syncState.siteId, siteId));
      if (!row) throw new Error(`no sync_state row for ${siteId}`);
      return row;
    },
    async makeDue(siteIds) {
      await db
        .update(syncState)
        .set({ nextSyncAt: sql`now() - interval '1 second'`, backoffUntil: null })
        .where(inArray(syncState.siteId, siteIds));
    },
    async cachedRunnerIds(siteId) {
      const rows = await db.select({ id: runners.id }).from(runners).where(eq(runners.siteId, siteId));
      return rows.map((row) => row.id);
    },
    async runnersWithoutSessions(siteId) {
      const [row] = await db
        .select({ n: count() })
        .from(runners)
        .where(
          sql`${runners.siteId} = ${siteId} and not exists (select 1 from ${sessions} where ${sessions.runnerId} = ${runners.id})`,
        );
      return row?.n ?? 0;
    },
    async dispose() {
      await simulator.stop();
      await database.dispose();
    },
  };
}
