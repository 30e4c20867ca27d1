import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  backendName,
  request,
  routeParams,
  sessionCookie,
  useRouteSuite,
} from "@/app/api/testing/route-environment";
import { apiKeys, userSessions, users } from "@/db/schema";
import { simulatedSiteId } from "@/lib/netlify-sim/testing/sim-sites";

/*
 * The session and key route handlers, called as Next.js calls them, on PostgreSQL when the suite
 * has one (the end-to-end suite runs the same routes on the embedded database). The app's
 * environment is set before the routes load, as a deployment sets it before the server starts.
 */

describe(`session and key routes on ${backendName}`, () => {
  const suite = useRouteSuite("switchyard-routes-", async () => ({
    token: await import("./auth/token/route"),
    session: await import("./session/route"),
    signOut: await import("./session/sign-out/route"),
    signOutEverywhere: await import("./session/sign-out-everywhere/route"),
    keys: await import("./keys/route"),
    key: await import("./keys/[keyId]/route"),
    roll: await import("./keys/[keyId]/roll/route"),
  }));
  let cookie: string;

  const rowCounts = async () => ({
    users: (await (await suite.db()).select({ n: count() }).from(users))[0]?.n,
    keys: (await (await suite.db()).select({ n: count() }).from(apiKeys))[0]?.n,
    sessions: (await (await suite.db()).select({ n: count() }).from(userSessions))[0]?.n,
  });

  it("refuses a token Netlify refuses, and a sign-in from another origin, without writing anything", async () => {
    const before = await rowCounts();
    const refused = await suite.routes.token.POST(
      request("/api/auth/token", { method: "POST", body: { token: "nfp_bad" } }),
      {},
    );
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: "UNAUTHORIZED" });
    const forged = await suite.routes.demo.POST(
      request("/api/auth/demo", { method: "POST", origin: "https://evil.example" }),
      {},
    );
    expect(forged.status).toBe(403);
    expect(sessionCookie(forged)).toBeUndefined();
    const empty = await suite.routes.token.POST(request("/api/auth/token", { method: "POST", body: {} }), {});
    expect(empty.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it("signs the demo user in with an HttpOnly, SameSite=Lax cookie, and answers who is signed in", async () => {
    const response = await suite.routes.demo.POST(request("/api/auth/demo", { method: "POST" }), {});
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    cookie = sessionCookie(response) ?? "";
    const me = await suite.routes.session.GET(request("/api/session", { cookie }), {});
    expect(await me.json()).toEqual({
      user: expect.objectContaining({ fullName: "Dana Demo", role: "admin", status: "active" }),
    });
    const forged = await suite.routes.session.GET(
      request("/api/session", { cookie: "switchyard_session=forged" }),
      {},
    );
    expect(forged.status).toBe(401);
  });

  it("mints, lists, rolls and revokes keys, and refuses bad input and cross-origin writes unchanged", async () => {
    const siteId = simulatedSiteId(suite.simulator, "docs-portal");
    const minted = await suite.routes.keys.POST(
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

    const listed = await (await suite.routes.keys.GET(request("/api/keys", { cookie }), {})).text();
    expect(listed).toContain(apiKey.id);
    expect(listed).not.toContain(key);
    expect(listed).not.toMatch(/keyHash|[0-9a-f]{64}/);

    const before = await rowCounts();
    const refusals: Array<[Response, number]> = [
      [
        await suite.routes.keys.POST(
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
        await suite.routes.keys.POST(
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
        await suite.routes.keys.POST(
          request("/api/keys", {
            method: "POST",
            body: { name: "x", siteId, scopes: ["agent_runners:read"], expires: "7d" },
          }),
          {},
        ),
        401,
      ],
      [
        await suite.routes.roll.POST(
          request(`/api/keys/${apiKey.id}/roll`, { method: "POST", cookie, body: { graceSeconds: 90_000 } }),
          routeParams({ keyId: apiKey.id }),
        ),
        422,
      ],
    ];
    for (const [response, status] of refusals) expect(response.status).toBe(status);
    expect(await rowCounts()).toEqual(before);

    const rolled = await suite.routes.roll.POST(
      request(`/api/keys/${apiKey.id}/roll`, { method: "POST", cookie, body: { graceSeconds: 0 } }),
      routeParams({ keyId: apiKey.id }),
    );
    expect(rolled.status).toBe(201);
    const next = (await rolled.json()) as { key: string; apiKey: { id: string } };
    const revoked = await suite.routes.key.DELETE(
      request(`/api/keys/${next.apiKey.id}`, { method: "DELETE", cookie }),
      routeParams({ keyId: next.apiKey.id }),
    );
    expect(await revoked.json()).toMatchObject({ apiKey: { status: "revoked" } });
    const again = await suite.routes.key.DELETE(
      request(`/api/keys/${next.apiKey.id}`, { method: "DELETE", cookie }),
      routeParams({ keyId: next.apiKey.id }),
    );
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: "This key is already revoked.", code: "CONFLICT" });
  });

  it("signs out one browser, then every browser", async () => {
    const second =
      sessionCookie(await suite.routes.demo.POST(request("/api/auth/demo", { method: "POST" }), {})) ?? "";
    const out = await suite.routes.signOut.POST(
      request("/api/session/sign-out", { method: "POST", cookie }),
      {},
    );
    expect(out.headers.get("set-cookie")).toMatch(/switchyard_session=;/);
    expect((await suite.routes.session.GET(request("/api/session", { cookie }), {})).status).toBe(401);
    expect((await suite.routes.session.GET(request("/api/session", { cookie: second }), {})).status).toBe(
      200,
    );
    const third =
      sessionCookie(await suite.routes.demo.POST(request("/api/auth/demo", { method: "POST" }), {})) ?? "";
    const everywhere = await suite.routes.signOutEverywhere.POST(
      request("/api/session/sign-out-everywhere", { method: "POST", cookie: third }),
      {},
    );
    expect(await everywhere.json()).toEqual({ signedOut: 2 });
    expect((await suite.routes.session.GET(request("/api/session", { cookie: second }), {})).status).toBe(
      401,
    );
  });
});
