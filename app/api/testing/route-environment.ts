import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import { createFreshDatabase, testDatabaseUrl } from "@/db/testing/backends";
import { type NetlifySimulator, startSimulator } from "@/lib/netlify-sim/server";

/*
 * What the route handler suites share: the app's environment, set before the routes load as a
 * deployment sets it before the server starts, and requests built as Next.js hands them over.
 */

export const appUrl = "http://localhost:3000";

export const backendName = testDatabaseUrl ? "PostgreSQL" : "embedded PGlite";

export interface RouteEnvironment {
  simulator: NetlifySimulator;
  /** Stops the simulator, drops the fresh database and removes the data folder. */
  stop: () => Promise<void>;
}

/**
 * Starts the simulator (demo token "demo-token"), makes a data folder and, when the suite has a
 * PostgreSQL server, a fresh database, and points the app's environment at them.
 */
export async function startRouteEnvironment(dataDirPrefix: string): Promise<RouteEnvironment> {
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
