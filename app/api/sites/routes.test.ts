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
import { sites, users } from "@/db/schema";
import type { NetlifySimulator } from "@/lib/netlify-sim/server";
import { addForeignSite, simulatedSiteId } from "@/lib/netlify-sim/testing/sim-sites";

/*
 * The sites routes, called as Next.js calls them, on PostgreSQL when the suite has one: what goes
 * in, what comes out (nothing but the output schema), and every refusal's status.
 */

let simulator: NetlifySimulator;
let environment: RouteEnvironment;
let routes: Awaited<ReturnType<typeof loadRoutes>>;

async function loadRoutes() {
  return {
    demo: await import("../auth/demo/route"),
    sites: await import("./route"),
    site: await import("./[siteId]/route"),
    database: await import("@/lib/database"),
  };
}

const params = (siteId: string) => ({ params: Promise.resolve({ siteId }) });

describe(`sites routes on ${backendName}`, () => {
  let cookie: string;
  let siteId: string;
  let foreignSiteId: string;

  beforeAll(async () => {
    environment = await startRouteEnvironment("switchyard-sites-routes-");
    simulator = environment.simulator;
    siteId = simulatedSiteId(simulator, "docs-portal");
    foreignSiteId = await addForeignSite(simulator);
    routes = await loadRoutes();
    await migrate((await routes.database.database()).db);
    const signedIn = await routes.demo.POST(request("/api/auth/demo", { method: "POST" }), {});
    cookie = sessionCookie(signedIn) ?? "";
    expect(cookie).not.toBe("");
  });
  afterAll(async () => {
    await (await routes?.database.database())?.close();
    await environment?.stop();
  });

  const db = async () => (await routes.database.database()).db;
  const connectedCount = async () => (await (await db()).select({ n: count() }).from(sites))[0]?.n;
  const setRole = async (role: "admin" | "viewer") => (await db()).update(users).set({ role });

  it("lists a page of sites with exactly the output fields, and refuses a bad query string with 400", async () => {
    const listed = await routes.sites.GET(request("/api/sites?search=docs&page=1", { cookie }), {});
    expect(listed.status).toBe(200);
    expect(listed.headers.get("cache-control")).toBe("no-store");
    const text = await listed.text();
    expect(JSON.parse(text)).toEqual({
      sites: [
        {
          id: siteId,
          name: "docs-portal",
          url: expect.stringMatching(/^https:\/\//),
          accountName: expect.any(String),
          connected: false,
          connectedByMe: false,
        },
      ],
      page: 1,
      totalPages: 1,
    });
    expect(text).not.toContain("demo-token");

    for (const query of ["page=0", "page=abc", "perPage=51", "page=1&page=2", `search=${"x".repeat(101)}`]) {
      const refused = await routes.sites.GET(request(`/api/sites?${query}`, { cookie }), {});
      expect([query, refused.status, (await refused.json()).code]).toEqual([query, 400, "BAD_REQUEST"]);
    }
    expect((await routes.sites.GET(request("/api/sites"), {})).status).toBe(401);
  });

  it("connects a site (201, then 200 when already connected) and disconnects it (204, then 404)", async () => {
    const connect = () =>
      routes.sites.POST(request("/api/sites", { method: "POST", cookie, body: { siteId } }), {});
    const created = await connect();
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({
      site: {
        id: siteId,
        name: "docs-portal",
        url: expect.any(String),
        accountName: expect.any(String),
        connected: true,
        connectedByMe: true,
      },
    });
    expect((await connect()).status).toBe(200);
    expect(await connectedCount()).toBe(1);

    const remove = () =>
      routes.site.DELETE(request(`/api/sites/${siteId}`, { method: "DELETE", cookie }), params(siteId));
    const removed = await remove();
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe("");
    const again = await remove();
    expect([again.status, (await again.json()).code]).toEqual([404, "NOT_FOUND"]);
    expect(await connectedCount()).toBe(0);
  });

  it("refuses bad bodies, unseen sites, other origins and other methods, writing nothing", async () => {
    const post = (body: unknown, origin?: string) =>
      routes.sites.POST(request("/api/sites", { method: "POST", cookie, body, origin }), {});
    const refusals: Array<[string, Response, number, string]> = [
      ["no siteId", await post({}), 400, "BAD_REQUEST"],
      ["a path for a site id", await post({ siteId: "../../accounts" }), 422, "VALIDATION_FAILED"],
      ["an extra field", await post({ siteId, connectedByUserId: null }), 400, "BAD_REQUEST"],
      ["another account's site", await post({ siteId: foreignSiteId }), 404, "NOT_FOUND"],
      ["another origin", await post({ siteId }, "https://evil.example"), 403, "CSRF_FAILED"],
    ];
    for (const [what, response, status, code] of refusals)
      expect([what, response.status, (await response.json()).code]).toEqual([what, status, code]);
    expect(await connectedCount()).toBe(0);

    const put = await routes.sites.PUT(request("/api/sites", { method: "PUT", cookie }), {});
    expect([put.status, put.headers.get("allow")]).toEqual([405, "GET, HEAD, POST, OPTIONS"]);
    const get = await routes.site.GET(request(`/api/sites/${siteId}`, { cookie }), params(siteId));
    expect([get.status, get.headers.get("allow")]).toEqual([405, "DELETE, OPTIONS"]);
  });

  it("lets a viewer list sites but refuses their connect and disconnect with 403", async () => {
    await setRole("viewer");
    try {
      expect((await routes.sites.GET(request("/api/sites", { cookie }), {})).status).toBe(200);
      const connect = await routes.sites.POST(
        request("/api/sites", { method: "POST", cookie, body: { siteId } }),
        {},
      );
      expect([connect.status, (await connect.json()).code]).toEqual([403, "FORBIDDEN"]);
      const disconnect = await routes.site.DELETE(
        request(`/api/sites/${siteId}`, { method: "DELETE", cookie }),
        params(siteId),
      );
      expect(disconnect.status).toBe(403);
      expect(await connectedCount()).toBe(0);
    } finally {
      await setRole("admin");
    }
  });
});
