import { eq, inArray, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runnerRemovals, runners, sessions } from "@/db/schema";
import { storageBackends } from "@/db/testing/backends";
import { runnerState } from "@/lib/netlify-sim/serialize";
import { simulatedSiteId } from "@/lib/netlify-sim/testing/sim-sites";
import { reconcileSite } from "./reconcile-site";
import {
  apiRequests,
  cachedRunners,
  cachedSessionCounts,
  noDeadline,
  type ReconcileWorld,
  sessionListsRead,
  startReconcileWorld,
  upstreamLiveList,
  upstreamRunners,
  upstreamSessionCounts,
} from "./testing/reconcile-world";

/*
 * A full reconcile of a 1,000-runner site against the simulator, then passes after nothing and
 * after every kind of upstream change, on each storage back end. The tests build on each other:
 * each pass starts from the cache the one before left.
 */

const RUNNERS = 1_000;
const SESSIONS_PER_RUNNER = 2;

for (const backend of storageBackends().slice(0, 2)) {
  describe(`reconcileSite on ${backend.name}`, () => {
    let world: ReconcileWorld;
    let siteId: string;

    beforeAll(async () => {
      world = await startReconcileWorld(backend);
      siteId = await world.seededSite(RUNNERS, SESSIONS_PER_RUNNER);
    });
    afterAll(async () => world?.dispose());

    const changeSeqs = async () =>
      new Map((await cachedRunners(world.db, siteId)).map((row) => [row.id, row.changeSeq]));

    it("caches every runner of a 1,000-runner site with all of its sessions", async () => {
      world.simulator.log.clear();
      const summary = await reconcileSite(world.db, world.client, siteId, noDeadline);

      const upstream = upstreamRunners(world.simulator, siteId);
      expect(upstream).toHaveLength(RUNNERS);
      expect(summary).toMatchObject({
        siteId,
        complete: true,
        nextPage: null,
        // Ten live pages and the (empty) archived list; the head re-read is not a page of the walk.
        pages: 11,
        inserted: RUNNERS,
        updated: 0,
        unchanged: 0,
        archived: 0,
        removed: 0,
        sessionsFetched: RUNNERS,
      });
      expect(summary.upstreamCalls).toBe(apiRequests(world.simulator).length);

      const cached = await cachedRunners(world.db, siteId);
      expect(cached.map((row) => row.id).sort()).toEqual(upstream.map((runner) => runner.id).sort());
      const bySimulator = new Map(upstream.map((runner) => [runner.id, runner]));
      for (const row of cached) {
        const runner = bySimulator.get(row.id);
        expect({ state: row.state, title: row.title }).toEqual({
          state: runner && runnerState(runner),
          title: runner?.title,
        });
      }
      const sessionCounts = await cachedSessionCounts(
        world.db,
        cached.map((row) => row.id),
      );
      expect(sessionCounts).toEqual(upstreamSessionCounts(upstream));
      expect([...sessionCounts.values()].reduce((sum, n) => sum + n, 0)).toBe(RUNNERS * SESSIONS_PER_RUNNER);
    });

    it("writes nothing and reads no sessions when nothing changed, at one call per page plus two", async () => {
      const seqsBefore = await changeSeqs();
      const [sessionsBefore] = await world.db.select({ syncedAt: max(sessions.syncedAt) }).from(sessions);
      world.simulator.log.clear();

      const summary = await reconcileSite(world.db, world.client, siteId, noDeadline);

      expect(summary).toMatchObject({
        complete: true,
        pages: 11,
        inserted: 0,
        updated: 0,
        archived: 0,
        removed: 0,
        unchanged: RUNNERS,
        sessionsFetched: 0,
        // Ten live pages, the archived list, the head re-read.
        upstreamCalls: 12,
      });
      const calls = apiRequests(world.simulator);
      expect(calls).toHaveLength(12);
      expect(calls.every((call) => call.path === "/api/v1/agent_runners")).toBe(true);
      expect(await changeSeqs()).toEqual(seqsBefore);
      const [sessionsAfter] = await world.db.select({ syncedAt: max(sessions.syncedAt) }).from(sessions);
      expect(sessionsAfter?.syncedAt).toEqual(sessionsBefore?.syncedAt);
    });

    it("picks up state changes, follow-ups, PRs, archives, deletions and new runners, reading sessions of those only", async () => {
      const list = upstreamLiveList(world.simulator, siteId);
      const pick = (index: number) => {
        const runner = list[index];
        if (!runner) throw new Error(`the site has no runner at ${index}`);
        return runner.id;
      };
      const archived = pick(5);
      const interrupted = pick(150);
      const waiting = pick(333);
      const followedUp = pick(500);
      const withPr = pick(777);
      const deleted = pick(999);

      await world.control("POST", `/__sim/runners/${interrupted}/state`, { state: "interrupted" });
      await world.followUp(waiting, "question");
      await world.followUp(followedUp, "done");
      await world.control("POST", "/__sim/outcomes", { pull_requests: ["ok"] });
      await world.client.runners.createPullRequest(withPr);
      await world.client.runners.archive(archived);
      const gone = world.simulator.store.runners.get(deleted);
      if (gone) world.simulator.store.removeRunner(gone);
      await world.control("POST", "/__sim/outcomes", { sessions: ["done"] });
      const created = await world.client.runners.create({ siteId, prompt: "Add a dark mode toggle" });
      await world.finishSessions();

      const seqsBefore = await changeSeqs();
      world.simulator.log.clear();
      const summary = await reconcileSite(world.db, world.client, siteId, noDeadline);

      const changed = [interrupted, waiting, followedUp, withPr, archived, created.id];
      expect(summary).toMatchObject({
        complete: true,
        inserted: 1,
        updated: 4,
        archived: 1,
        removed: 1,
        unchanged: RUNNERS - 6,
        sessionsFetched: changed.length,
      });
      expect(sessionListsRead(world.simulator).sort()).toEqual([...changed].sort());

      const rows = new Map((await cachedRunners(world.db, siteId)).map((row) => [row.id, row]));
      expect(rows.get(interrupted)?.state).toBe("interrupted");
      expect(rows.get(waiting)?.state).toBe("await_input");
      expect(rows.get(followedUp)?.state).toBe("done");
      expect(rows.get(withPr)).toMatchObject({ prState: "open", prNumber: 1 });
      expect(rows.get(withPr)?.prUrl).toMatch(/\/pull\/1$/);
      expect(rows.get(archived)?.state).toBe("archived");
      expect(rows.get(created.id)?.state).toBe("done");
      expect(rows.has(deleted)).toBe(false);
      expect(rows.size).toBe(RUNNERS);

      const [tombstone] = await world.db
        .select()
        .from(runnerRemovals)
        .where(eq(runnerRemovals.runnerId, deleted));
      expect(tombstone?.siteId).toBe(siteId);

      // The follow-ups' sessions arrived, the question still pending; the PR's commits too.
      expect(await cachedSessionCounts(world.db, [waiting, followedUp, created.id, deleted])).toEqual(
        new Map([
          [waiting, SESSIONS_PER_RUNNER + 1],
          [followedUp, SESSIONS_PER_RUNNER + 1],
          [created.id, 1],
        ]),
      );
      const [question] = await world.db
        .select()
        .from(sessions)
        .where(eq(sessions.runnerId, waiting))
        .orderBy(sessions.upstreamCreatedAt)
        .offset(SESSIONS_PER_RUNNER);
      expect(question?.state).toBe("await_input");
      expect(Object.values(question?.interactions ?? {}).map((entry) => entry.status)).toEqual(["pending"]);
      const prSessions = await world.db.select().from(sessions).where(eq(sessions.runnerId, withPr));
      expect(prSessions.some((session) => session.commitSha !== null)).toBe(true);

      // Only the changed runners took a new board change number.
      const seqsAfter = await changeSeqs();
      const moved = [...seqsAfter].filter(([id, seq]) => seqsBefore.get(id) !== seq).map(([id]) => id);
      expect(moved.sort()).toEqual([...changed].sort());
    });

    it("refuses a list answer that names another site, caching nothing of it", async () => {
      // Another site of the same board: the worst case, since its rows would be accepted there.
      const otherSiteId = simulatedSiteId(world.simulator, "aurora-storefront");
      await world.connect(otherSiteId);
      await world.control("POST", "/__sim/outcomes", { sessions: ["done"] });
      const created = await world.client.runners.create({ siteId, prompt: "Add a sitemap" });
      await world.finishSessions();
      const seqsBefore = await changeSeqs();
      await world.control("PUT", "/__sim/faults", {
        pathPrefix: "/agent_runners",
        siteId: otherSiteId,
        count: 1,
      });

      await expect(reconcileSite(world.db, world.client, siteId, noDeadline)).rejects.toThrow(/another site/);

      expect(await world.db.select().from(runners).where(eq(runners.id, created.id))).toEqual([]);
      expect(await world.db.select().from(runners).where(eq(runners.siteId, otherSiteId))).toEqual([]);
      expect(await world.db.select().from(sessions).where(eq(sessions.runnerId, created.id))).toEqual([]);
      expect(await changeSeqs()).toEqual(seqsBefore);

      // Once the upstream answers right again, the runner arrives under its own site.
      const summary = await reconcileSite(world.db, world.client, siteId, noDeadline);
      expect(summary).toMatchObject({ complete: true, inserted: 1, sessionsFetched: 1 });
      const [row] = await world.db
        .select({ siteId: runners.siteId })
        .from(runners)
        .where(inArray(runners.id, [created.id]));
      expect(row?.siteId).toBe(siteId);
    });
  });
}
