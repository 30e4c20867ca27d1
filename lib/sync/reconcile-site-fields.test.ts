import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runners, users } from "@/db/schema";
import { storageBackends } from "@/db/testing/backends";
import { reconcileSite } from "./reconcile-site";
import {
  cachedRunners,
  noDeadline,
  type ReconcileWorld,
  startReconcileWorld,
  upstreamLiveList,
} from "./testing/reconcile-world";

/*
 * What a full pass writes into a cached runner and what it leaves alone, on each storage back
 * end: upstream's fields follow, ours (who created the runner here) stay, and a state the app
 * does not know is stored as sent.
 */

for (const backend of storageBackends().slice(0, 2)) {
  describe(`reconcileSite's columns on ${backend.name}`, () => {
    let world: ReconcileWorld;
    let siteId: string;

    beforeAll(async () => {
      world = await startReconcileWorld(backend);
      siteId = await world.seededSite(5);
      await reconcileSite(world.db, world.client, siteId, noDeadline);
    });
    afterAll(async () => world?.dispose());

    const sync = () => reconcileSite(world.db, world.client, siteId, noDeadline);
    const cached = async (runnerId: string) =>
      (await world.db.select().from(runners).where(eq(runners.id, runnerId)))[0];

    it("refreshes upstream's fields and keeps our provenance columns", async () => {
      const [target] = upstreamLiveList(world.simulator, siteId);
      if (!target) throw new Error("the site has runners");
      const [person] = await world.db.insert(users).values({ email: "ana@example.com" }).returning();
      // A stale title and digest stand in for an upstream change the cache has not seen yet.
      await world.db
        .update(runners)
        .set({ title: "stale title", upstreamHash: "stale", createdByUserId: person?.id })
        .where(eq(runners.id, target.id));
      await sync();
      expect(await cached(target.id)).toMatchObject({ title: target.title, createdByUserId: person?.id });
    });

    it("stores a state Netlify adds later as sent, and follows the runner back to a known state", async () => {
      const [target] = upstreamLiveList(world.simulator, siteId);
      if (!target) throw new Error("the site has runners");
      const statesOfOthers = async () =>
        Object.fromEntries(
          (await cachedRunners(world.db, siteId))
            .filter((row) => row.id !== target.id)
            .map((row) => [row.id, row.state]),
        );
      const before = await statesOfOthers();

      await world.control("POST", `/__sim/runners/${target.id}/state`, { state: "reviewing_changes" });
      await sync();
      const stored = await cached(target.id);
      expect(stored).toMatchObject({ state: "reviewing_changes", latestSessionState: "reviewing_changes" });
      expect(stored?.upstream).toMatchObject({ state: "reviewing_changes" });
      expect(await statesOfOthers()).toEqual(before);

      await world.control("POST", `/__sim/runners/${target.id}/state`, { state: null });
      await sync();
      expect(await cached(target.id)).toMatchObject({ state: "done", latestSessionState: "done" });
    });
  });
}
