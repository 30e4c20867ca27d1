import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/db";
import { migrate } from "@/db/migrate";
import { createFreshDatabase, testDatabaseUrl } from "@/db/testing/backends";
import { settleBackgroundWork } from "@/lib/http/after-response";
import { type NetlifySimulator, startSimulator } from "@/lib/netlify-sim/server";

/*
 * What the route handler suites share: the app's environment, set before the routes load as a
 * deployment sets it before the server starts, and requests built as Next.js hands them over.
 */

export const appUrl = "http://localhost:3000";

export const backendName = testDatabaseUrl ? "PostgreSQL" : "embedded PGlite";

interface RouteEnvironment {
  simulator: NetlifySimulator;
  /** Stops the simulator, drops the fresh database and removes the data folder. */
  stop: () => Promise<void>;
}

/**
 * Starts the simulator (demo token "demo-token"), makes a data folder and, when the suite has a
 * PostgreSQL server, a fresh database, and points the app's environment at them.
 */
async function startRouteEnvironment(dataDirPrefix: string): Promise<RouteEnvironment> {
  const simulator = await startSimulator({ token: "demo-token", speed: 0, team: false });
  const dataDir = await mkdtemp(join(tmpdir(), dataDirPrefix));
  const fresh = testDatabaseUrl ? await createFreshDatabase(testDatabaseUrl) : undefined;
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    NETLIFY_API_URL: simulator.apiUrl,
    NETLIFY_DEMO_TOKEN: "demo-token",
    APP_URL: appUrl,
    ...(fresh ? { DATABASE_URL: fresh.url } : {}),
  });
  return {
    simulator,
    async stop() {
      await simulator.stop();
      await fresh?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// Loaded, like every route, only once the environment is set: modules may read it as they load.
const loadShared = async () => ({
  demo: await import("@/app/api/auth/demo/route"),
  database: await import("@/lib/database"),
});

export interface RouteSuite<Routes> {
  readonly simulator: NetlifySimulator;
  /** The suite's own routes, and `demo`, the demo sign-in every suite signs in through. */
  readonly routes: Routes & { demo: Awaited<ReturnType<typeof loadShared>>["demo"] };
  /** The app's database, the one the routes use. */
  db(): Promise<Database>;
  /** Signs the demo admin in; answers its session cookie, and throws when the answer sets none. */
  signIn(): Promise<string>;
}

/**
 * Registers a route suite's lifecycle in the calling file. Before its tests: the environment, the
 * routes of `loadRoutes`, and the app's database migrated; the file's own `beforeAll` runs after
 * this one. After them: background work settled (it writes to the database), then all stopped.
 */
export function useRouteSuite<Routes>(
  dataDirPrefix: string,
  loadRoutes: () => Promise<Routes>,
): RouteSuite<Routes> {
  let environment: RouteEnvironment | undefined;
  let shared: Awaited<ReturnType<typeof loadShared>> | undefined;
  let routes: RouteSuite<Routes>["routes"] | undefined;

  beforeAll(async () => {
    environment = await startRouteEnvironment(dataDirPrefix);
    shared = await loadShared();
    routes = { ...(await loadRoutes()), demo: shared.demo };
    await migrate((await shared.database.database()).db);
  });
  afterAll(async () => {
    await settleBackgroundWork();
    await (await shared?.database.database())?.close();
    await environment?.stop();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the route suite has not started");
    return value;
  };
  return {
    get simulator() {
      return started(environment).simulator;
    },
    get routes() {
      return started(routes);
    },
    async db() {
      return (await started(shared).database.database()).db;
    },
    async signIn() {
      const signedIn = await started(routes).demo.POST(request("/api/auth/demo", { method: "POST" }), {});
      const cookie = sessionCookie(signedIn);
      if (!cookie) throw new Error(`the demo sign-in set no session cookie (status ${signedIn.status})`);
      return cookie;
    },
  };
}

/** The second argument Next.js hands a dynamic route's handler: its path parameters. */
export const routeParams = <Params extends Record<string, string>>(params: Params) => ({
  params: Promise.resolve(params),
});

/** A request to the app, from its own origin unless `origin` says otherwise. */
export function request(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; origin?: string } = {},
) {
  const headers = new Headers({ origin: init.origin ?? appUrl });
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return new NextRequest(`${appUrl}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** The session cookie a response sets, as a `cookie` header value; undefined when it sets none. */
export const sessionCookie = (response: Response) => {
  const value = /switchyard_session=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  return value ? `switchyard_session=${value}` : undefined;
};
