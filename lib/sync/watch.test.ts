import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runners, syncState } from "@/db/schema";
import { storageBackends } from "@/db/testing/backends";
import { reconcileSite } from "./reconcile-site";
import { acquireSiteLease, releaseSiteLease } from "./site-lease";
import { type SyncWorld, startSyncWorld } from "./testing/sync-world";
import { refreshWatchedSites, watchSites } from "./watch";

/*
 * Watched and idle sites against the simulator (clock frozen), on each storage back end: only
 * watched sites are read, each at most once per interval whoever asks, never beside a full sync,
 * and a failing one is left alone for a while. Each test uses sites of its own.
 */

const noDeadline = { deadline: Number.POSITIVE_INFINITY };

for (const backend of storageBackends().slice(0, 2)) {
  describe(`watched sites on ${backend.name}`, () => {
    let world: SyncWorld;

    beforeAll(async () => {
      world = await startSyncWorld(backend);
    });
    afterAll(async () => world?.dispose());

    /** A synced site of ten finished runners, with a new run upstream the cache has not seen yet. */
    async function siteWithNewRun(): Promise<{ siteId: string; newRunId: string }> {
      const siteId = await world.seededSite(10);
      await reconcileSite(world.db, world.client, siteId, noDeadline);
      const created = await world.client.runners.create({ siteId, prompt: "Tidy the changelog" });
      return { siteId, newRunId: created.id };
    }
    const isCached = async (runnerId: string) =>
      (await world.db.select({ id: runners.id }).from(runners).where(eq(runners.id, runnerId))).length === 1;
    const refresh = () => refreshWatchedSites(world.db, world.env, { owner: "test-board" });
    const requestsFor = async (siteId: string) =>
      (await world.upstreamRequests()).filter(
        (request) => request.query.includes(siteId) || request.path.includes(siteId),
      );
    const makeDueAgain = (siteId: string) =>
      world.db.update(syncState).set({ lastActiveRefreshAt: null }).where(eq(syncState.siteId, siteId));

    it("refreshes a watched site and does not read an idle one at all", async () => {
      const watched = await siteWithNewRun();
      const idle = await siteWithNewRun();
      await watchSites(world.db, [watched.siteId], 30_000);
      await world.clearUpstreamRequests();

      const refreshes = await refresh();

      expect(refreshes.filter((each) => each.siteId === idle.siteId)).toEqual([]);
      expect(refreshes.find((each) => each.siteId === watched.siteId)).toMatchObject({
        outcome: "refreshed",
        summary: { inserted: 1 },
      });
      expect(await isCached(watched.newRunId)).toBe(true);
      expect(await isCached(idle.newRunId)).toBe(false);
      expect(await requestsFor(idle.siteId)).toEqual([]);
      const state = await world.state(watched.siteId);
      expect(state.lastActiveRefreshAt).not.toBeNull();
      expect(state.leaseOwner).toBeNull();
    });

    it("refreshes a site at most once per interval, however many boards ask, on however many instances", async () => {
      const { siteId } = await siteWithNewRun();
      await watchSites(world.db, [siteId], 30_000);
      const otherInstance = await world.openAnotherDatabase();
      await world.clearUpstreamRequests();

      const [here, there] = await Promise.all([
        refresh(),
        refreshWatchedSites(otherInstance, world.env, { owner: "other-board" }),
      ]);
      const mine = [...here, ...there].filter((each) => each.siteId === siteId);
      expect(mine.map((each) => each.outcome)).toEqual(["refreshed"]);
      const listCalls = (await requestsFor(siteId)).filter(
        (request) => request.path === "/api/v1/agent_runners",
      );
      expect(listCalls).toHaveLength(1);

      await world.clearUpstreamRequests();
      expect((await refresh()).filter((each) => each.siteId === siteId)).toEqual([]);
      expect(await requestsFor(siteId)).toEqual([]);
    });

    it("leaves a site alone while a full sync holds its lease", async () => {
      const { siteId, newRunId } = await siteWithNewRun();
      await watchSites(world.db, [siteId], 30_000);
      expect(await acquireSiteLease(world.db, siteId, "cron:test", 60_000)).toBe(true);
      await world.clearUpstreamRequests();

      expect((await refresh()).filter((each) => each.siteId === siteId)).toEqual([]);
      expect(await requestsFor(siteId)).toEqual([]);

      await releaseSiteLease(world.db, siteId, "cron:test");
      expect((await refresh()).find((each) => each.siteId === siteId)?.outcome).toBe("refreshed");
      expect(await isCached(newRunId)).toBe(true);
    });

    it("stops polling a site once its watch runs out", async () => {
      const { siteId, newRunId } = await siteWithNewRun();
      await watchSites(world.db, [siteId], 30_000);
      await world.db
        .update(syncState)
        .set({ watchedUntil: sql`now() - interval '1 second'` })
        .where(eq(syncState.siteId, siteId));
      await world.clearUpstreamRequests();

      expect((await refresh()).filter((each) => each.siteId === siteId)).toEqual([]);
      expect(await requestsFor(siteId)).toEqual([]);
      expect(await isCached(newRunId)).toBe(false);
    });

    it("renews a watch only when it is half spent, and skips sites that are not on the board", async () => {
      const siteId = await world.seededSite(1);
      await watchSites(world.db, [siteId, "not-a-connected-site"], 30_000);
      const first = (await world.state(siteId)).watchedUntil;
      await watchSites(world.db, [siteId], 30_000);
      expect((await world.state(siteId)).watchedUntil).toEqual(first);
      await watchSites(world.db, [siteId], 120_000);
      expect((await world.state(siteId)).watchedUntil?.getTime()).toBeGreaterThan(first?.getTime() ?? 0);
      const rows = await world.db
        .select()
        .from(syncState)
        .where(eq(syncState.siteId, "not-a-connected-site"));
      expect(rows).toEqual([]);
    });

    it("holds a failing site off instead of calling Netlify every few seconds", async () => {
      const { siteId, newRunId } = await siteWithNewRun();
      await watchSites(world.db, [siteId], 30_000);
      await world.fault({ pathPrefix: "/agent_runners", errorStatus: 500 });
      try {
        const failed = (await refresh()).find((each) => each.siteId === siteId);
        expect(failed).toMatchObject({ outcome: "failed", error: expect.stringMatching(/Netlify/) });
        expect(failed?.error).not.toContain("sync-user-token");
      } finally {
        await world.fault(null);
      }
      const state = await world.state(siteId);
      expect(state.leaseOwner).toBeNull();
      expect(state.lastActiveRefreshAt?.getTime()).toBeGreaterThan(Date.now() + 10_000);
      await world.clearUpstreamRequests();
      expect((await refresh()).filter((each) => each.siteId === siteId)).toEqual([]);
      expect(await requestsFor(siteId)).toEqual([]);

      await makeDueAgain(siteId);
      expect((await refresh()).find((each) => each.siteId === siteId)?.outcome).toBe("refreshed");
      expect(await isCached(newRunId)).toBe(true);
    });
  });
}
