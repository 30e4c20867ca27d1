import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storageBackends } from "@/db/testing/backends";
import { disconnectSite } from "@/lib/sites/manage-sites";
import { reconcileSite } from "@/lib/sync/reconcile-site";
import {
  noDeadline,
  type ReconcileWorld,
  startReconcileWorld,
  upstreamLiveList,
} from "@/lib/sync/testing/reconcile-world";
import { listBoardCards } from "./board-cards";
import { boardChangesSince, boardCursor } from "./board-changes";

/*
 * What open boards are sent, on each storage back end: the cards changed after a change number,
 * the ids to drop, and only for the sites on the board. Changes come from the simulator through
 * the sync engine, as they do in the app.
 */

for (const backend of storageBackends().slice(0, 2)) {
  describe(`board changes on ${backend.name}`, () => {
    let world: ReconcileWorld;
    let siteId: string;
    let otherSiteId: string;

    beforeAll(async () => {
      world = await startReconcileWorld(backend);
      siteId = await world.seededSite(8);
      otherSiteId = await world.seededSite(3);
      for (const site of [siteId, otherSiteId]) await reconcileSite(world.db, world.client, site, noDeadline);
    });
    afterAll(async () => world?.dispose());

    const sync = () => reconcileSite(world.db, world.client, siteId, noDeadline);

    it("sends the cards changed after a cursor as the board shows them (archived ones too), and the ids of cards to drop", async () => {
      const cursor = await boardCursor(world.db);
      const [changed, archived, deleted] = upstreamLiveList(world.simulator, siteId);
      if (!changed || !archived || !deleted) throw new Error("the site has runners");
      await world.control("POST", `/__sim/runners/${changed.id}/state`, { state: "await_input" });
      await world.client.runners.archive(archived.id);
      const store = world.simulator.store;
      const list = store.runnersBySite.get(siteId) ?? [];
      list.splice(list.indexOf(deleted), 1);
      store.runners.delete(deleted.id);
      store.changed();
      await sync();

      const changes = await boardChangesSince(world.db, cursor);
      const everything = await listBoardCards(world.db, { includeArchived: true });
      const onBoard = everything.filter((card) => card.id === changed.id || card.id === archived.id);
      expect(changes.runners.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        onBoard.sort((a, b) => a.id.localeCompare(b.id)),
      );
      expect(onBoard.map((card) => card.state).sort()).toEqual(["archived", "await_input"]);
      expect(changes.removed).toEqual([deleted.id]);
      expect(changes.cursor).toBe(await boardCursor(world.db));
      expect(changes.more).toBe(false);

      expect(await boardChangesSince(world.db, changes.cursor)).toEqual({
        cursor: changes.cursor,
        runners: [],
        removed: [],
        more: false,
      });
    });

    it("sends nothing of a site taken off the board but the ids of its cards to drop", async () => {
      const cursor = await boardCursor(world.db);
      const otherIds = upstreamLiveList(world.simulator, otherSiteId).map((runner) => runner.id);
      await disconnectSite(world.db, { userId: randomUUID(), role: "admin" }, otherSiteId);

      const changes = await boardChangesSince(world.db, cursor);
      expect(changes.runners).toEqual([]);
      expect(changes.removed.sort()).toEqual([...otherIds].sort());
      const everything = await boardChangesSince(world.db, 0);
      expect(everything.runners.filter((card) => otherIds.includes(card.id))).toEqual([]);
      expect((await listBoardCards(world.db)).filter((card) => otherIds.includes(card.id))).toEqual([]);
    });

    it("sends a long backlog in answers of limited size, missing nothing", async () => {
      const cards = new Map<string, string>();
      const removed = new Set<string>();
      let since = 0;
      for (let answers = 0; ; answers++) {
        expect(answers).toBeLessThan(20);
        const changes = await boardChangesSince(world.db, since, 3);
        expect(changes.runners.length + changes.removed.length).toBeLessThanOrEqual(6);
        for (const card of changes.runners) cards.set(card.id, card.state);
        for (const id of changes.removed) removed.add(id);
        expect(changes.cursor).toBeGreaterThanOrEqual(since);
        since = changes.cursor;
        if (!changes.more) break;
      }
      const board = await listBoardCards(world.db, { includeArchived: true });
      expect(new Map(board.map((card) => [card.id, card.state]))).toEqual(cards);
      expect(since).toBe(await boardCursor(world.db));
      expect(removed.size).toBeGreaterThan(0);
    });
  });
}
