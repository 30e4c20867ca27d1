import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { netlifyConnections, syncState } from "@/db/schema";
import { storageBackends } from "@/db/testing/backends";
import { acquireSiteLease, releaseSiteLease } from "./site-lease";
import { syncDueSites } from "./sync-sites";
import { type SyncWorld, startSyncWorld, userToken } from "./testing/sync-world";

/*
 * The scheduler against a real simulator, on embedded PGlite and on PostgreSQL: leases across
 * two database handles, the schedule it leaves behind, what a refused token, a failing or hung
 * upstream and a run out of time each leave in the cache and in `sync_state`, and how the next
 * run resumes.
 */

const soon = (ms: number) => Date.now() + ms;
const secondsUntil = (date: Date | null) => ((date?.getTime() ?? 0) - Date.now()) / 1000;

describe.each(storageBackends().slice(0, 2))("syncDueSites on $name", (backend) => {
  let world: SyncWorld;
  const run = (siteIds: string[], options: { deadline?: number; owner?: string; force?: boolean } = {}) =>
    syncDueSites(world.db, world.env, {
      deadline: options.deadline ?? soon(20_000),
      owner: options.owner ?? `test:${Math.random()}`,
      siteIds,
      force: options.force,
    });

  beforeAll(async () => {
    world = await startSyncWorld(backend);
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it("syncs each due site with its own token, then leaves it alone until it is due again", async () => {
    const byAdmin = await world.seededSite(30);
    const byCli = await world.seededSite(20, "service");
    const first = await run([byAdmin, byCli]);
    expect(first.sites).toMatchObject({ due: 2, synced: 2, failed: 0, skipped: 0 });
    expect(first.totals).toMatchObject({ inserted: 50, sessionsFetched: 50, updated: 0 });
    expect((await world.cachedRunnerIds(byAdmin)).length).toBe(30);
    expect((await world.cachedRunnerIds(byCli)).length).toBe(20);
    const state = await world.state(byAdmin);
    expect(state.lastFullSyncAt).not.toBeNull();
    expect(state).toMatchObject({
      passNextPage: null,
      consecutiveFailures: 0,
      lastError: null,
      leaseOwner: null,
    });
    // Something changed, so the site is due again in about a minute.
    expect(secondsUntil(state.nextSyncAt)).toBeGreaterThan(50);
    expect(secondsUntil(state.nextSyncAt)).toBeLessThan(70);

    expect((await run([byAdmin, byCli])).sites.due).toBe(0);
    await world.makeDue([byAdmin]);
    const quiet = await run([byAdmin, byCli]);
    expect(quiet.sites).toMatchObject({ due: 1, synced: 1 });
    expect(quiet.totals).toMatchObject({ inserted: 0, updated: 0, unchanged: 30, sessionsFetched: 0 });
    // Nothing changed: the wait doubles.
    expect(secondsUntil((await world.state(byAdmin)).nextSyncAt)).toBeGreaterThan(110);
  });

  it("lets two instances running at once sync each site exactly once", async () => {
    const siteIds = [await world.seededSite(40), await world.seededSite(40), await world.seededSite(40)];
    const other = await world.openAnotherDatabase();
    const [one, two] = await Promise.all([
      run(siteIds, { owner: "instance-one" }),
      syncDueSites(other, world.env, { deadline: soon(20_000), owner: "instance-two", siteIds }),
    ]);
    for (const siteId of siteIds) {
      const outcomes = [...one.results, ...two.results]
        .filter((result) => result.siteId === siteId)
        .map((result) => result.outcome);
      expect(outcomes.filter((outcome) => outcome === "synced")).toHaveLength(1);
      expect(outcomes.every((outcome) => outcome === "synced" || outcome === "skipped")).toBe(true);
    }
    expect(one.totals.inserted + two.totals.inserted).toBe(120);
  });

  it("skips a site whose lease another worker holds, and takes the lease over once it has expired", async () => {
    const siteId = await world.seededSite(5);
    expect(await acquireSiteLease(world.db, siteId, "crashed-worker", 60_000)).toBe(true);
    expect(await acquireSiteLease(world.db, siteId, "someone-else", 60_000)).toBe(false);
    // Only the holder can give a lease back.
    await releaseSiteLease(world.db, siteId, "someone-else");
    expect((await world.state(siteId)).leaseOwner).toBe("crashed-worker");
    expect((await run([siteId])).results).toEqual([
      { siteId, siteName: expect.any(String), outcome: "skipped" },
    ]);
    expect(await world.cachedRunnerIds(siteId)).toEqual([]);

    // The worker never came back: its lease runs out.
    await world.db
      .update(syncState)
      .set({ leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(syncState.siteId, siteId));
    const takenOver = await run([siteId]);
    expect(takenOver.sites).toMatchObject({ synced: 1, skipped: 0 });
    expect((await world.state(siteId)).leaseOwner).toBeNull();
  });

  it("flags a site whose token Netlify refuses mid-run, syncs the others, and resumes once its owner signs in again", async () => {
    const refused = await world.seededSite(150);
    const fine = await world.seededSite(10, "service");
    const [onPageTwo] = await world.livePage(refused, 2);
    await world.fault({ pathPrefix: `/agent_runners/${onPageTwo}/sessions`, errorStatus: 401, count: 1 });
    const summary = await run([refused, fine]);
    await world.fault(null);

    const failed = summary.results.find((result) => result.siteId === refused);
    expect(failed).toMatchObject({ outcome: "failed", reconnectNeeded: true });
    expect(failed?.error).toMatch(/refused the access token/);
    expect(summary.results.find((result) => result.siteId === fine)?.outcome).toBe("synced");
    const state = await world.state(refused);
    expect(state.tokenRefusedAt).not.toBeNull();
    expect(state.passNextPage).toBe(2);
    expect(state.lastError).not.toContain(userToken);
    // Page 1 is cached whole, page 2 not at all.
    expect((await world.cachedRunnerIds(refused)).length).toBe(100);
    expect(await world.runnersWithoutSessions(refused)).toBe(0);

    // Still refused: not retried for an hour…
    expect((await run([refused])).sites.due).toBe(0);
    // …unless the person signs in again, which stores and verifies a token anew.
    await world.db
      .update(netlifyConnections)
      .set({ lastVerifiedAt: sql`now() + interval '1 second'` })
      .where(eq(netlifyConnections.userId, world.adminId));
    await world.clearUpstreamRequests();
    const resumed = await run([refused]);
    expect(resumed.results[0]).toMatchObject({ outcome: "synced", reconcile: { inserted: 50 } });
    const firstList = (await world.upstreamRequests()).find(
      (request) => request.path === "/api/v1/agent_runners",
    );
    expect(new URLSearchParams(firstList?.query).get("page")).toBe("2");
    expect(await world.state(refused)).toMatchObject({
      tokenRefusedAt: null,
      lastError: null,
      passNextPage: null,
    });
    expect((await world.cachedRunnerIds(refused)).length).toBe(150);
  });

  it("backs off after a 500, 429 or timeout, leaves no partial page, and resumes at the failed page", async () => {
    const siteId = await world.seededSite(150);
    const [onPageTwo] = await world.livePage(siteId, 2);
    await world.fault({ pathPrefix: `/agent_runners/${onPageTwo}/sessions`, errorStatus: 500, count: 1 });
    const failed = await run([siteId]);
    expect(failed.results[0]).toMatchObject({
      outcome: "failed",
      error: expect.stringMatching(/status 500/),
    });
    let state = await world.state(siteId);
    expect(state).toMatchObject({ consecutiveFailures: 1, passNextPage: 2, tokenRefusedAt: null });
    expect(secondsUntil(state.backoffUntil)).toBeGreaterThan(50);
    expect((await world.cachedRunnerIds(siteId)).length).toBe(100);
    expect(await world.runnersWithoutSessions(siteId)).toBe(0);
    expect((await run([siteId])).sites.due).toBe(0);

    // Out of credits (429 with Netlify's code) twice in a row: the wait doubles.
    await world.makeDue([siteId]);
    await world.fault({
      pathPrefix: "/agent_runners",
      errorStatus: 429,
      errorBody: { error: "limit", error_code: "ai_credit_limit_exceeded" },
    });
    expect((await run([siteId])).results[0]?.error).toMatch(/out of AI credits/);
    state = await world.state(siteId);
    expect(state.consecutiveFailures).toBe(2);
    expect(secondsUntil(state.backoffUntil)).toBeGreaterThan(110);

    // A hung upstream times out (NETLIFY_API_TIMEOUT_MS) and counts as one more failure.
    await world.makeDue([siteId]);
    await world.fault({ pathPrefix: "/agent_runners", hang: true });
    expect((await run([siteId])).results[0]?.error).toMatch(/did not answer in time/);
    expect((await world.state(siteId)).consecutiveFailures).toBe(3);

    await world.fault(null);
    await world.makeDue([siteId]);
    await world.clearUpstreamRequests();
    const resumed = await run([siteId]);
    expect(resumed.results[0]).toMatchObject({ outcome: "synced", reconcile: { inserted: 50 } });
    const firstList = (await world.upstreamRequests()).find(
      (request) => request.path === "/api/v1/agent_runners",
    );
    expect(new URLSearchParams(firstList?.query).get("page")).toBe("2");
    expect(await world.state(siteId)).toMatchObject({
      consecutiveFailures: 0,
      backoffUntil: null,
      lastError: null,
    });
    expect((await world.cachedRunnerIds(siteId)).length).toBe(150);
  });

  it("stops starting pages when the budget runs low and resumes at the next page on the next run", async () => {
    const siteId = await world.seededSite(250);
    expect((await run([siteId])).results[0]?.outcome).toBe("synced");
    await world.makeDue([siteId]);
    // Each list call takes 0.8 s; a 2 s budget stops starting pages at 1.5 s: pages 1 and 2 fit.
    await world.fault({ pathPrefix: "/agent_runners", latencyMs: 800 });
    const partial = await run([siteId], { deadline: soon(2_000) });
    await world.fault(null);
    expect(partial.results[0]).toMatchObject({
      outcome: "partial",
      reconcile: { complete: false, nextPage: 3 },
    });
    expect(await world.state(siteId)).toMatchObject({ passNextPage: 3, consecutiveFailures: 0 });

    await world.clearUpstreamRequests();
    const resumed = await run([siteId]);
    expect(resumed.results[0]).toMatchObject({ outcome: "synced", reconcile: { complete: true } });
    const firstList = (await world.upstreamRequests()).find(
      (request) => request.path === "/api/v1/agent_runners",
    );
    expect(new URLSearchParams(firstList?.query).get("page")).toBe("3");
    expect((await world.state(siteId)).passNextPage).toBeNull();
  });

  it("cuts off a request still hanging at the deadline without counting it against the site", async () => {
    const siteId = await world.seededSite(120);
    const [onPageTwo] = await world.livePage(siteId, 2);
    await world.fault({ pathPrefix: `/agent_runners/${onPageTwo}/sessions`, hang: true });
    const started = Date.now();
    const cut = await syncDueSites(world.db, world.envWith({ NETLIFY_API_TIMEOUT_MS: "30000" }), {
      deadline: soon(2_500),
      owner: "budgeted",
      siteIds: [siteId],
    });
    await world.fault(null);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(cut.results[0]?.outcome).toBe("partial");
    expect(await world.state(siteId)).toMatchObject({
      passNextPage: 2,
      consecutiveFailures: 0,
      backoffUntil: null,
      lastError: null,
    });
    expect((await world.cachedRunnerIds(siteId)).length).toBe(100);
  });
});
