import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import type { Database } from "@/db";
import { migrate } from "@/db/migrate";
import type { ApiKeyScope } from "@/db/schema";
import { apiKeys, netlifyConnections, syncState } from "@/db/schema";
import type { StorageBackend, TestDatabase } from "@/db/testing/backends";
import { createTokenCipher } from "@/lib/crypto/token-cipher";
import { type Env, parseEnv } from "@/lib/env-schema";
import { settleBackgroundWork } from "@/lib/http/after-response";
import { mintKey } from "@/lib/keys/mint-key";
import { siteAccessThrough } from "@/lib/keys/site-access";
import { createNetlifyClient } from "@/lib/netlify/client";
import type { LoggedRequest } from "@/lib/netlify-sim/request-log";
import { type NetlifySimulator, startSimulator } from "@/lib/netlify-sim/server";
import { addForeignSite, simulatedSiteId } from "@/lib/netlify-sim/testing/sim-sites";
import { insertActors } from "@/lib/testing/actors";
import { proxyHandler } from "../proxy-handler";

/*
 * A proxy wired to a real database and a real simulator, called in-process: the handler Next.js
 * would run for `/api/proxy/*`, with its own environment (live mode against the simulator) so
 * each storage back end gets a fresh world.
 */

export const simToken = "proxy-owner-token";
export const serviceTokenValue = "proxy-service-token";
export const appUrl = "http://switchyard.test";
export const allScopes: ApiKeyScope[] = ["agent_runners:read", "agent_runners:write", "agent_runners:deploy"];

export interface CallInit {
  key?: string | null;
  /** A stream is sent as is, without `Content-Length` (a chunked upload). */
  body?: string | Record<string, unknown> | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export type ProxyCaller = (method: string, path: string, init?: CallInit) => Promise<Response>;

export interface ProxyFixture {
  db: Database;
  env: Env;
  simulator: NetlifySimulator;
  siteId: string;
  /** A site of the same account the keys are not for. */
  otherSiteId: string;
  /** A site of another Netlify account. */
  foreignSiteId: string;
  adminId: string;
  mint(
    scopes: ApiKeyScope[],
    options?: { siteId?: string; cli?: boolean },
  ): Promise<{ key: string; id: string }>;
  call: ProxyCaller;
  /**
   * Another proxy instance in the same world: other settings (a low rate limit, a short upstream
   * timeout) and/or another database handle (a second app instance, a spied database).
   */
  instanceWith(options: { overrides?: Record<string, string>; db?: Database }): ProxyCaller;
  /** Another connection pool to the same database, closed with the fixture. */
  openAnotherDatabase(): Promise<Database>;
  upstreamRequests(): Promise<LoggedRequest[]>;
  clearUpstreamRequests(): Promise<void>;
  control(path: string, method?: string, body?: unknown): Promise<unknown>;
  settle(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startProxyFixture(
  backend: StorageBackend,
  overrides: Record<string, string> = {},
): Promise<ProxyFixture> {
  const database: TestDatabase = await backend.create();
  const db = database.handle.db;
  await migrate(db);
  const simulator = await startSimulator({ token: simToken, speed: 0, team: false });
  const envWith = (more: Record<string, string>) =>
    parseEnv({
      NETLIFY_API_URL: simulator.apiUrl,
      NETLIFY_TOKEN: serviceTokenValue,
      AUTH_SECRET: "a-test-secret-of-at-least-thirty-two-characters",
      CRON_SECRET: "a-test-cron-secret",
      APP_URL: appUrl,
      NETLIFY_API_TIMEOUT_MS: "3000",
      PROXY_RATE_LIMIT_PER_MINUTE: "100000",
      PROXY_DEPLOY_RATE_LIMIT_PER_MINUTE: "100000",
      PROXY_AUTH_FAILURES_PER_MINUTE: "100000",
      ...overrides,
      ...more,
    });
  const env = envWith({});
  // The service token acts as the demo account too, so CLI-minted keys reach the same sites.
  const owner = simulator.store.tokens.get(simToken);
  if (owner) simulator.store.tokens.set(serviceTokenValue, owner);
  const actors = await insertActors(db);
  const adminId = actors.admin.userId;
  const sealed = createTokenCipher(env.authSecret ?? "").encrypt(simToken);
  await db
    .insert(netlifyConnections)
    .values({ userId: adminId, tokenKind: "oauth", tokenCiphertext: sealed });
  const siteId = simulatedSiteId(simulator, "aurora-storefront");
  const otherSiteId = simulatedSiteId(simulator, "field-notes-blog");
  const foreignSiteId = await addForeignSite(simulator);
  const instanceWith = (options: { overrides?: Record<string, string>; db?: Database }) => {
    const instanceEnv = options.overrides ? envWith(options.overrides) : env;
    const instanceDb = options.db ?? db;
    return callerOf(proxyHandler({ database: async () => instanceDb, env: () => instanceEnv }));
  };
  const ownerClient = createNetlifyClient({ baseUrl: simulator.apiUrl, token: simToken, timeoutMs: 5_000 });

  return {
    db,
    env,
    simulator,
    siteId,
    otherSiteId,
    foreignSiteId,
    adminId,
    async mint(scopes, options = {}) {
      const actor = { kind: "user" as const, userId: adminId, role: "admin" as const };
      const minted = await mintKey(
        db,
        {
          actor,
          name: `test ${scopes.join(" ")}`,
          siteId: options.siteId ?? siteId,
          scopes,
          expiresAt: null,
        },
        siteAccessThrough(db, ownerClient, adminId),
      );
      // A key minted from the CLI has no owner and acts with the service token.
      if (options.cli)
        await db.update(apiKeys).set({ ownerUserId: null }).where(eq(apiKeys.id, minted.summary.id));
      return { key: minted.key, id: minted.summary.id };
    },
    call: instanceWith({}),
    instanceWith,
    openAnotherDatabase: async () => (await database.openAnother()).db,
    async upstreamRequests() {
      const logged = (await control(simulator, "/__sim/requests")) as LoggedRequest[];
      return logged.filter((request) => !request.path.startsWith("/__sim"));
    },
    async clearUpstreamRequests() {
      // Calls on a watched site also drive its background refresh (more upstream calls): a test
      // that counts upstream requests from here counts only its own, unless it writes first.
      await settleBackgroundWork();
      await db.update(syncState).set({ watchedUntil: null });
      await control(simulator, "/__sim/requests", "DELETE");
    },
    control: (path, method, body) => control(simulator, path, method, body),
    settle: settleBackgroundWork,
    async dispose() {
      await settleBackgroundWork();
      await simulator.stop();
      await database.dispose();
    },
  };
}

function callerOf(handler: ReturnType<typeof proxyHandler>): ProxyCaller {
  return (method, path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.key) headers.set("authorization", `Bearer ${init.key}`);
    let body: string | ReadableStream<Uint8Array> | undefined;
    if (init.body !== undefined) {
      body =
        typeof init.body === "string" || init.body instanceof ReadableStream
          ? init.body
          : JSON.stringify(init.body);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    // `duplex` is required for a stream body; the DOM typings do not know it yet.
    const requestInit = { method, headers, body, signal: init.signal, duplex: "half" } as RequestInit;
    return handler(
      new NextRequest(`${appUrl}${path}`, requestInit as ConstructorParameters<typeof NextRequest>[1]),
      {},
    );
  };
}

async function control(
  simulator: NetlifySimulator,
  path: string,
  method = "GET",
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${simulator.origin}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}
