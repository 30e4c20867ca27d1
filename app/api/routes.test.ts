import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  backendName,
  type RouteEnvironment,
  request,
  sessionCookie,
  startRouteEnvironment,
} from "@/app/api/testing/route-environment";
import { migrate } from "@/db/migrate";
import { apiKeys, userSessions, users } from "@/db/schema";
import type { NetlifySimulator } from "@/lib/netlify-sim/server";
import { simulatedSiteId } from "@/lib/netlify-sim/testing/sim-sites";

/*
 * The session and key route handlers, called as Next.js calls them, on PostgreSQL when the suite
 * has one (the end-to-end suite runs the same routes on the embedded database). The app's
 * environment is set before the routes load, as a deployment sets it before the server starts.
 */

let simulator: NetlifySimulator;
let environment: RouteEnvironment;
let routes: Awaited<ReturnType<typeof loadRoutes>>;

async function loadRoutes() {
  return {
    demo: await import("./auth/demo/route"),
    token: await import("./auth/token/route"),
    session: await import("./session/route"),
    signOut: await import("./session/sign-out/route"),
    signOutEverywhere: await import("./session/sign-out-everywhere/route"),
    keys: await import("./keys/route"),
    key: await import("./keys/[keyId]/route"),
    roll: await import("./keys/[keyId]/roll/route"),
    database: await import("@/lib/database"),
  };
}

const params = (keyId: string) => ({ params: Promise.resolve({ keyId }) });

describe(`session and key routes on ${backendName}`, () => {
  let cookie: string;

  beforeAll(async () => {
    environment = await startRouteEnvironment("switchyard-routes-");
    simulator = environment.simulator;
    routes = await loadRoutes();
    await migrate((await routes.database.database()).db);
  });
  afterAll(async () => {
    await (await routes?.database.database())?.close();
    await environment?.stop();
  });

  const db = async () => (await routes.database.database()).db;
  const rowCounts = async () => ({
    users: (await (await db()).select({ n: count() }).from(users))[0]?.n,
    keys: (await (await db()).select({ n: count() }).from(apiKeys))[0]?.n,
    sessions: (await (await db()).select({ n: count() }).from(userSessions))[0]?.n,
  });

  it("refuses a token Netlify refuses, and a sign-in from another origin, without writing anything", async () => {
    const before = await rowCounts();
    const refused = await routes.token.POST(
      request("/api/auth/token", { method: "POST", body: { token: "nfp_bad" } }),
      {},
    );
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: "UNAUTHORIZED" });
    const forged = await routes.demo.POST(
      request("/api/auth/demo", { method: "POST", origin: "https://evil.example" }),
      {},
    );
    expect(forged.status).toBe(403);
    expect(sessionCookie(forged)).toBeUndefined();
    const empty = await routes.token.POST(request("/api/auth/token", { method: "POST", body: {} }), {});
    expect(empty.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it("signs the demo user in with an HttpOnly, SameSite=Lax cookie, and answers who is signed in", async () => {
    const response = await routes.demo.POST(request("/api/auth/demo", { method: "POST" }), {});
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    cookie = sessionCookie(response) ?? "";
    const me = await routes.session.GET(request("/api/session", { cookie }), {});
    expect(await me.json()).toEqual({
      user: expect.objectContaining({ fullName: "Dana Demo", role: "admin", status: "active" }),
    });
    const forged = await routes.session.GET(
      request("/api/session", { cookie: "switchyard_session=forged" }),
      {},
    );
    expect(forged.status).toBe(401);
  });

  it("mints, lists, rolls and revokes keys, and refuses bad input and cross-origin writes unchanged", async () => {
    const siteId = simulatedSiteId(simulator, "docs-portal");
    const minted = await routes.keys.POST(
      request("/api/keys", {
        method: "POST",
        cookie,
        body: { name: "deploy bot", siteId, scopes: ["agent_runners:read"], expires: "30d" },
      }),
      {},
    );
    expect(minted.status).toBe(201);
    const { key, apiKey } = (await minted.json()) as {
      key: string;
      apiKey: { id: string; siteName: string };
    };
    expect(key).toMatch(/^oc_/);
    expect(apiKey.siteName).toBe("docs-portal");

    const listed = await (await routes.keys.GET(request("/api/keys", { cookie }), {})).text();
    expect(listed).toContain(apiKey.id);
    expect(listed).not.toContain(key);
    expect(listed).not.toMatch(/keyHash|[0-9a-f]{64}/);

    const before = await rowCounts();
    const refusals: Array<[Response, number]> = [
      [
        await routes.keys.POST(
          request("/api/keys", {
            method: "POST",
            cookie,
            body: { name: "x", siteId, scopes: [], expires: "7d" },
          }),
          {},
        ),
        422,
      ],
      [
        await routes.keys.POST(
          request("/api/keys", {
            method: "POST",
            cookie,
            origin: "https://evil.example",
            body: { name: "x", siteId, scopes: ["agent_runners:read"], expires: "7d" },
          }),
          {},
        ),
        403,
      ],
      [
        await routes.keys.POST(
          request("/api/keys", {
            method: "POST",
            body: { name: "x", siteId, scopes: ["agent_runners:read"], expires: "7d" },
          }),
          {},
        ),
        401,
      ],
      [
        await routes.roll.POST(
          request(`/api/keys/${apiKey.id}/roll`, { method: "POST", cookie, body: { graceSeconds: 90_000 } }),
          params(apiKey.id),
        ),
        422,
      ],
    ];
    for (const [response, status] of refusals) expect(response.status).toBe(status);
    expect(await rowCounts()).toEqual(before);

    const rolled = await routes.roll.POST(
      request(`/api/keys/${apiKey.id}/roll`, { method: "POST", cookie, body: { graceSeconds: 0 } }),
      params(apiKey.id),
    );
    expect(rolled.status).toBe(201);
    const next = (await rolled.json()) as { key: string; apiKey: { id: string } };
    const revoked = await routes.key.DELETE(
      request(`/api/keys/${next.apiKey.id}`, { method: "DELETE", cookie }),
      params(next.apiKey.id),
    );
    expect(await revoked.json()).toMatchObject({ apiKey: { status: "revoked" } });
    const again = await routes.key.DELETE(
      request(`/api/keys/${next.apiKey.id}`, { method: "DELETE", cookie }),
      params(next.apiKey.id),
    );
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: "This key is already revoked.", code: "CONFLICT" });
  });

  it("signs out one browser, then every browser", async () => {
    const second =
      sessionCookie(await routes.demo.POST(request("/api/auth/demo", { method: "POST" }), {})) ?? "";
    const out = await routes.signOut.POST(request("/api/session/sign-out", { method: "POST", cookie }), {});
    expect(out.headers.get("set-cookie")).toMatch(/switchyard_session=;/);
    expect((await routes.session.GET(request("/api/session", { cookie }), {})).status).toBe(401);
    expect((await routes.session.GET(request("/api/session", { cookie: second }), {})).status).toBe(200);
    const third =
      sessionCookie(await routes.demo.POST(request("/api/auth/demo", { method: "POST" }), {})) ?? "";
    const everywhere = await routes.signOutEverywhere.POST(
      request("/api/session/sign-out-everywhere", { method: "POST", cookie: third }),
      {},
    );
    expect(await everywhere.json()).toEqual({ signedOut: 2 });
    expect((await routes.session.GET(request("/api/session", { cookie: second }), {})).status).toBe(401);
  });
});
