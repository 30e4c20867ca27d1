import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { backendName, request, routeParams, useRouteSuite } from "@/app/api/testing/route-environment";
import { sites, users } from "@/db/schema";
import { addForeignSite, simulatedSiteId } from "@/lib/netlify-sim/testing/sim-sites";

/*
 * The sites routes, called as Next.js calls them, on PostgreSQL when the suite has one: what goes
 * in, what comes out (nothing but the output schema), and every refusal's status.
 */

describe(`sites routes on ${backendName}`, () => {
  const suite = useRouteSuite("switchyard-sites-routes-", async () => ({
    sites: await import("./route"),
    site: await import("./[siteId]/route"),
  }));
  let cookie: string;
  let siteId: string;
  let foreignSiteId: string;

  beforeAll(async () => {
    siteId = simulatedSiteId(suite.simulator, "docs-portal");
    foreignSiteId = await addForeignSite(suite.simulator);
    cookie = await suite.signIn();
  });

  const connectedCount = async () => (await (await suite.db()).select({ n: count() }).from(sites))[0]?.n;
  const setRole = async (role: "admin" | "viewer") => (await suite.db()).update(users).set({ role });

  it("lists a page of sites with exactly the output fields, and refuses a bad query string with 400", async () => {
    const listed = await suite.routes.sites.GET(request("/api/sites?search=docs&page=1", { cookie }), {});
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
      const refused = await suite.routes.sites.GET(request(`/api/sites?${query}`, { cookie }), {});
      expect([query, refused.status, (await refused.json()).code]).toEqual([query, 400, "BAD_REQUEST"]);
    }
    expect((await suite.routes.sites.GET(request("/api/sites"), {})).status).toBe(401);
  });

  it("connects a site (201, then 200 when already connected) and disconnects it (204, then 404)", async () => {
    const connect = () =>
      suite.routes.sites.POST(request("/api/sites", { method: "POST", cookie, body: { siteId } }), {});
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
      suite.routes.site.DELETE(
        request(`/api/sites/${siteId}`, { method: "DELETE", cookie }),
        routeParams({ siteId }),
      );
    const removed = await remove();
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe("");
    const again = await remove();
    expect([again.status, (await again.json()).code]).toEqual([404, "NOT_FOUND"]);
    expect(await connectedCount()).toBe(0);
  });

  it("refuses bad bodies, unseen sites, other origins and other methods, writing nothing", async () => {
    const post = (body: unknown, origin?: string) =>
      suite.routes.sites.POST(request("/api/sites", { method: "POST", cookie, body, origin }), {});
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

    const put = await suite.routes.sites.PUT(request("/api/sites", { method: "PUT", cookie }), {});
    expect([put.status, put.headers.get("allow")]).toEqual([405, "GET, HEAD, POST, OPTIONS"]);
    const get = await suite.routes.site.GET(
      request(`/api/sites/${siteId}`, { cookie }),
      routeParams({ siteId }),
    );
    expect([get.status, get.headers.get("allow")]).toEqual([405, "DELETE, OPTIONS"]);
  });

  it("lets a viewer list sites but refuses their connect and disconnect with 403", async () => {
    await setRole("viewer");
    try {
      expect((await suite.routes.sites.GET(request("/api/sites", { cookie }), {})).status).toBe(200);
      const connect = await suite.routes.sites.POST(
        request("/api/sites", { method: "POST", cookie, body: { siteId } }),
        {},
      );
      expect([connect.status, (await connect.json()).code]).toEqual([403, "FORBIDDEN"]);
      const disconnect = await suite.routes.site.DELETE(
        request(`/api/sites/${siteId}`, { method: "DELETE", cookie }),
        routeParams({ siteId }),
      );
      expect(disconnect.status).toBe(403);
      expect(await connectedCount()).toBe(0);
    } finally {
      await setRole("admin");
    }
  });
});
