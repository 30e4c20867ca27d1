import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runners } from "@/db/schema";
import { storageBackends } from "@/db/testing/backends";
import { boardCursor } from "@/lib/runners/board-changes";
import { reconcileSite } from "./reconcile-site";
import { refreshActiveSite } from "./refresh-active";
import {
  apiRequests,
  cachedRunners,
  noDeadline,
  type ReconcileWorld,
  sessionListsRead,
  startReconcileWorld,
  upstreamLiveList,
} from "./testing/reconcile-world";

/*
 * The active refresh of a watched site against the simulator (clock frozen), on each storage back
 * end: what it reads upstream, what it writes, and which rows take a new board change number.
 */

const PER_PAGE = 5;

for (const backend of storageBackends().slice(0, 2)) {
  describe(`refreshActiveSite on ${backend.name}`, () => {
    let world: ReconcileWorld;
    let siteId: string;

    beforeAll(async () => {
      world = await startReconcileWorld(backend);
      siteId = await world.seededSite(30);
      await reconcileSite(world.db, world.client, siteId, noDeadline);
    });
    afterAll(async () => world?.dispose());

    const setState = (runnerId: string, state: string | null) =>
      world.control("POST", `/__sim/runners/${runnerId}/state`, { state });
    const cachedState = async (runnerId: string) =>
      (await world.db.select({ state: runners.state }).from(runners).where(eq(runners.id, runnerId)))[0]
        ?.state;
    const changeSeqs = async () =>
      new Map((await cachedRunners(world.db, siteId)).map((row) => [row.id, row.changeSeq]));

    it("picks up a new run and a state change with one list call, and one snapshot per active runner off page 1", async () => {
      const list = upstreamLiveList(world.simulator, siteId);
      const [onTop, deepFinishing, deepStillRunning] = [list[0], list[20], list[25]];
      if (!onTop || !deepFinishing || !deepStillRunning) throw new Error("the site has 30 runners");
      // Two runners far down the list are running as far as the cache knows.
      await setState(deepFinishing.id, "running");
      await setState(deepStillRunning.id, "running");
      await reconcileSite(world.db, world.client, siteId, noDeadline);
      expect(await cachedState(deepFinishing.id)).toBe("running");

      const created = await world.client.runners.create({ siteId, prompt: "Add a dark mode toggle" });
      await setState(onTop.id, "await_input");
      await setState(deepFinishing.id, null);
      world.simulator.log.clear();

      const summary = await refreshActiveSite(world.db, world.client, siteId, { perPage: PER_PAGE });

      const calls = apiRequests(world.simulator).map((entry) => `${entry.method} ${entry.path}`);
      expect(calls.filter((call) => call === "GET /api/v1/agent_runners")).toHaveLength(1);
      expect(calls.filter((call) => call.endsWith("/snapshot")).sort()).toEqual(
        [
          `GET /api/v1/agent_runners/${deepFinishing.id}/snapshot`,
          `GET /api/v1/agent_runners/${deepStillRunning.id}/snapshot`,
        ].sort(),
      );
      // Sessions are read for what page 1 shows changed, and for nothing else.
      expect(sessionListsRead(world.simulator).sort()).toEqual([created.id, onTop.id].sort());
      expect(calls).toHaveLength(1 + 2 + 2);
      expect(summary).toMatchObject({ upstreamCalls: 5, inserted: 1, updated: 1, refreshed: 2, gone: 0 });

      expect(await cachedState(created.id)).toBe(created.state);
      expect(await cachedState(onTop.id)).toBe("await_input");
      expect(await cachedState(deepFinishing.id)).toBe("done");
      expect(await cachedState(deepStillRunning.id)).toBe("running");
    });

    it("gives a new board change number only to rows whose content changed", async () => {
      const before = await changeSeqs();
      const cursorBefore = await boardCursor(world.db);
      await refreshActiveSite(world.db, world.client, siteId, { perPage: PER_PAGE });
      expect(await changeSeqs()).toEqual(before);
      expect(await boardCursor(world.db)).toBe(cursorBefore);

      const [target] = upstreamLiveList(world.simulator, siteId);
      if (!target) throw new Error("the site has runners");
      await setState(target.id, "interrupted");
      await refreshActiveSite(world.db, world.client, siteId, { perPage: PER_PAGE });
      const after = await changeSeqs();
      const moved = [...after].filter(([id, seq]) => before.get(id) !== seq).map(([id]) => id);
      expect(moved).toEqual([target.id]);
      expect(after.get(target.id)).toBeGreaterThan(cursorBefore);
      expect(await boardCursor(world.db)).toBe(after.get(target.id));
    });

    it("drops an active runner Netlify no longer has, leaving a tombstone", async () => {
      const runner = await world.client.runners.create({ siteId, prompt: "Fix the footer links" });
      await refreshActiveSite(world.db, world.client, siteId, { perPage: PER_PAGE });
      expect(await cachedState(runner.id)).toBe(runner.state);
      // Gone upstream and, with a busier page 1, no longer on it: only its snapshot can tell.
      const store = world.simulator.store;
      const list = store.runnersBySite.get(siteId) ?? [];
      list.splice(
        list.findIndex((each) => each.id === runner.id),
        1,
      );
      store.runners.delete(runner.id);
      store.changed();
      const cursorBefore = await boardCursor(world.db);

      const summary = await refreshActiveSite(world.db, world.client, siteId, { perPage: PER_PAGE });
      expect(summary).toMatchObject({ gone: 1 });
      expect(await cachedState(runner.id)).toBeUndefined();
      expect(await boardCursor(world.db)).toBeGreaterThan(cursorBefore);
    });
  });
}
