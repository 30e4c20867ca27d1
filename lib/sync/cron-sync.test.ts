import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storageBackends } from "@/db/testing/backends";
import { ApiError } from "@/lib/http/api-error";
import { cronSyncHandler } from "./cron-sync";
import { syncSiteNow } from "./sync-now";
import type { SyncRunSummary } from "./sync-run-summary";
import { syncDueSites } from "./sync-sites";
import { listReconnectNeeded, listSyncStatus } from "./sync-status";
import { cronSecret, type SyncWorld, serviceTokenValue, startSyncWorld } from "./testing/sync-world";

/*
 * The cron route's handler called in-process as Next.js calls it, an admin's "Sync now" and the
 * sync status, on embedded PGlite and on PostgreSQL against a real simulator.
 */

describe.each(storageBackends().slice(0, 2))("cron sync, Sync now and status on $name", (backend) => {
  let world: SyncWorld;
  let siteIds: string[];

  const cron = (
    init: { authorization?: string; query?: string; method?: string } = {},
    handler = cronSyncHandler({ database: async () => world.db, env: () => world.env }),
  ) => {
    const headers = new Headers();
    if (init.authorization !== undefined) headers.set("authorization", init.authorization);
    return handler(
      new NextRequest(`http://switchyard.test/api/cron/sync${init.query ?? ""}`, {
        method: init.method ?? "GET",
        headers,
      }),
      {},
    );
  };
  const bearer = `Bearer ${cronSecret}`;

  beforeAll(async () => {
    world = await startSyncWorld(backend);
    siteIds = [await world.seededSite(30), await world.seededSite(20, "service")];
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it("refuses a missing, malformed or wrong secret with the same 401, and syncs nothing", async () => {
    const answers = await Promise.all(
      [
        undefined,
        "",
        "Bearer",
        `Basic ${cronSecret}`,
        "Bearer not-the-secret",
        `${bearer}x`,
        `Bearer ${cronSecret.slice(0, -1)}`,
      ].map((authorization) => cron({ authorization })),
    );
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 401));
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(bodies[0]).toEqual({ error: expect.stringContaining("CRON_SECRET"), code: "UNAUTHORIZED" });
    expect(JSON.stringify(bodies)).not.toContain(cronSecret);
    expect(await world.cachedRunnerIds(siteIds[0] ?? "")).toEqual([]);
  });

  it("refuses a budget outside 1 to 60 seconds with 400", async () => {
    for (const query of ["?budgetSeconds=0", "?budgetSeconds=61", "?budgetSeconds=soon", "?other=1"]) {
      const answer = await cron({ authorization: bearer, query });
      expect(answer.status, query).toBe(400);
      expect(await answer.json()).toMatchObject({ code: "BAD_REQUEST" });
    }
  });

  it("answers GET and POST with the run's summary; two calls at once sync each site once", async () => {
    const other = await world.openAnotherDatabase();
    const secondInstance = cronSyncHandler({ database: async () => other, env: () => world.env });
    const answers = await Promise.all([
      cron({ authorization: bearer, query: "?budgetSeconds=15" }),
      cron({ authorization: bearer, method: "POST" }, secondInstance),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(answers[0]?.headers.get("cache-control")).toBe("no-store");
    const [one, two] = (await Promise.all(answers.map((answer) => answer.json()))) as SyncRunSummary[];
    expect(one?.totals).toEqual({
      pages: expect.any(Number),
      upstreamCalls: expect.any(Number),
      inserted: expect.any(Number),
      updated: 0,
      unchanged: expect.any(Number),
      archived: 0,
      removed: 0,
      sessionsFetched: expect.any(Number),
    });
    expect((one?.totals.inserted ?? 0) + (two?.totals.inserted ?? 0)).toBe(50);
    for (const siteId of siteIds) {
      const synced = [...(one?.results ?? []), ...(two?.results ?? [])].filter(
        (result) => result.siteId === siteId && result.outcome === "synced",
      );
      expect(synced).toHaveLength(1);
      // One page of the live list and one of the archived list.
      expect(synced[0]?.reconcile).toMatchObject({ siteId, complete: true, pages: 2 });
    }
    // Both are scheduled for later now: the next call finds nothing due.
    const again = (await (await cron({ authorization: bearer })).json()) as SyncRunSummary;
    expect(again.sites).toMatchObject({ due: 0, synced: 0 });
  });

  it("runs Sync now whatever the schedule, once per 30 s per site, and refuses a site not on the board", async () => {
    const [siteId = ""] = siteIds;
    const result = await syncSiteNow(world.db, world.env, siteId);
    expect(result).toMatchObject({ siteId, outcome: "synced", reconcile: { unchanged: 30 } });
    const refusal = await syncSiteNow(world.db, world.env, siteId).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ code: "RATE_LIMITED" });
    const retryAfter = Number((refusal as ApiError).headers["Retry-After"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    await expect(syncSiteNow(world.db, world.env, "not-on-the-board")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(syncSiteNow(world.db, world.env, "../../etc")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows each site's status field by field, and a refused service token as reconnect needed", async () => {
    const [byAdmin = "", byCli = ""] = siteIds;
    const account = world.simulator.store.tokens.get(serviceTokenValue) ?? "";
    world.simulator.store.tokens.delete(serviceTokenValue);
    try {
      const refused = await syncDueSites(world.db, world.env, {
        deadline: Date.now() + 10_000,
        owner: "status-test",
        siteIds: [byCli],
        force: true,
      });
      expect(refused.results[0]).toMatchObject({ outcome: "failed", reconnectNeeded: true });
    } finally {
      world.simulator.store.tokens.set(serviceTokenValue, account);
    }
    const { sites } = await listSyncStatus(world.db, world.adminId);
    const cli = sites.find((site) => site.siteId === byCli);
    expect(cli).toEqual({
      siteId: byCli,
      siteName: expect.stringMatching(/^bulk-site-/),
      lastFullSyncAt: expect.any(String),
      nextSyncAt: expect.any(String),
      syncing: false,
      resumesAtPage: null,
      lastError: expect.stringMatching(/refused the access token/),
      consecutiveFailures: 0,
      backoffUntil: null,
      reconnectNeeded: true,
      tokenSource: "service_token",
      connectedByMe: false,
      syncNowAvailableAt: null,
      lastPass: expect.objectContaining({ complete: true, inserted: expect.any(Number) }),
    });
    const admin = sites.find((site) => site.siteId === byAdmin);
    expect(admin).toMatchObject({ reconnectNeeded: false, tokenSource: "connector", connectedByMe: true });
    // Sync now was pressed moments ago on this one.
    expect(Date.parse(admin?.syncNowAvailableAt ?? "")).toBeGreaterThan(Date.now());
    expect((await listSyncStatus(world.db, world.memberId, { siteId: byAdmin })).sites).toEqual([
      { ...admin, connectedByMe: false },
    ]);
    expect(await listReconnectNeeded(world.db)).toEqual([{ id: byCli, name: cli?.siteName }]);

    // A pass that gets through again clears the flag.
    await syncDueSites(world.db, world.env, {
      deadline: Date.now() + 10_000,
      owner: "status-test",
      siteIds: [byCli],
      force: true,
    });
    expect(await listReconnectNeeded(world.db)).toEqual([]);
  });
});
