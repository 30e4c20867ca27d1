import { beforeAll, describe, expect, it } from "vitest";
import { backendName, request, routeParams, useRouteSuite } from "@/app/api/testing/route-environment";
import { users } from "@/db/schema";
import { simulatedSiteId } from "@/lib/netlify-sim/testing/sim-sites";

/*
 * The sync status and "Sync now" routes, called as Next.js calls them: who may use them, what
 * goes out (nothing but the output schemas), and the per-site limit on "Sync now".
 */

describe(`sync routes on ${backendName}`, () => {
  const suite = useRouteSuite("switchyard-sync-routes-", async () => ({
    sites: await import("../sites/route"),
    status: await import("./route"),
    syncNow: await import("../sites/[siteId]/sync/route"),
  }));
  let cookie: string;
  let siteId: string;

  beforeAll(async () => {
    siteId = simulatedSiteId(suite.simulator, "docs-portal");
    cookie = await suite.signIn();
    const connected = await suite.routes.sites.POST(
      request("/api/sites", { method: "POST", cookie, body: { siteId } }),
      {},
    );
    expect(connected.status).toBe(201);
  });

  const setRole = async (role: "admin" | "member") => (await suite.db()).update(users).set({ role });
  const syncNow = (id: string, origin?: string) =>
    suite.routes.syncNow.POST(
      request(`/api/sites/${id}/sync`, { method: "POST", cookie, origin }),
      routeParams({ siteId: id }),
    );

  it("refuses Sync now from a member, from another origin and for a site not on the board", async () => {
    await setRole("member");
    try {
      const member = await syncNow(siteId);
      expect([member.status, (await member.json()).code]).toEqual([403, "FORBIDDEN"]);
    } finally {
      await setRole("admin");
    }
    const forged = await syncNow(siteId, "https://evil.example");
    expect([forged.status, (await forged.json()).code]).toEqual([403, "CSRF_FAILED"]);
    const unknown = await syncNow("not-a-connected-site");
    expect([unknown.status, (await unknown.json()).code]).toEqual([404, "NOT_FOUND"]);
    const get = await suite.routes.syncNow.GET(
      request(`/api/sites/${siteId}/sync`, { cookie }),
      routeParams({ siteId }),
    );
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST, OPTIONS"]);
  });

  it("syncs the site for an admin, then refuses another press within 30 s with 429 and Retry-After", async () => {
    const synced = await syncNow(siteId);
    expect(synced.status).toBe(200);
    expect(await synced.json()).toEqual({
      siteId,
      siteName: "docs-portal",
      outcome: "synced",
      error: null,
      reconnectNeeded: false,
      runners: {
        inserted: expect.any(Number),
        updated: 0,
        unchanged: 0,
        archived: expect.any(Number),
        removed: 0,
      },
    });
    const again = await syncNow(siteId);
    expect([again.status, (await again.json()).code]).toEqual([429, "RATE_LIMITED"]);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(again.headers.get("retry-after"))).toBeLessThanOrEqual(30);
  });

  it("lists each connected site's sync status for anyone signed in, and nothing for anyone else", async () => {
    const listed = await suite.routes.status.GET(request("/api/sync", { cookie }), {});
    expect(listed.status).toBe(200);
    expect(listed.headers.get("cache-control")).toBe("no-store");
    const { sites } = (await listed.json()) as { sites: Array<Record<string, unknown>> };
    expect(sites).toHaveLength(1);
    expect(Object.keys(sites[0] ?? {}).sort()).toEqual(
      [
        "backoffUntil",
        "connectedByMe",
        "consecutiveFailures",
        "lastError",
        "lastFullSyncAt",
        "lastPass",
        "nextSyncAt",
        "reconnectNeeded",
        "resumesAtPage",
        "siteId",
        "siteName",
        "syncNowAvailableAt",
        "syncing",
        "tokenSource",
      ].sort(),
    );
    expect(sites[0]).toMatchObject({ siteId, connectedByMe: true, lastFullSyncAt: expect.any(String) });
    expect(JSON.stringify(sites)).not.toContain("demo-token");

    const filtered = await suite.routes.status.GET(request(`/api/sync?siteId=${siteId}`, { cookie }), {});
    expect(((await filtered.json()) as { sites: unknown[] }).sites).toHaveLength(1);
    const bad = await suite.routes.status.GET(request("/api/sync?lease=1", { cookie }), {});
    expect([bad.status, (await bad.json()).code]).toEqual([400, "BAD_REQUEST"]);
    expect((await suite.routes.status.GET(request("/api/sync"), {})).status).toBe(401);
  });
});
