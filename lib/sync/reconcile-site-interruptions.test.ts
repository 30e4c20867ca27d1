import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storageBackends } from "@/db/testing/backends";
import type { NetlifyConfig } from "@/lib/netlify/config";
import { NetlifyApiError } from "@/lib/netlify/errors";
import type { FaultPlan } from "@/lib/netlify-sim/faults";
import { reconcileSite } from "./reconcile-site";
import {
  cachedRunners,
  cachedSessionCounts,
  type ListParams,
  noDeadline,
  type ReconcileWorld,
  sessionListsRead,
  startReconcileWorld,
  upstreamLiveList,
  upstreamSessionCounts,
  withListHooks,
} from "./testing/reconcile-world";

/*
 * Passes that do not run straight through: upstream failures mid-pass, a time budget that runs
 * out, and a list that changes while it is paged. Each test seeds a site of its own, paged ten
 * runners at a time so that a few dozen runners make several pages.
 */

const PER_PAGE = 10;
const RUNNERS = 50;

/** A moment of the pass: just before, or just after, the live list's page n is read. */
type PassMoment = { beforeList: number } | { afterList: number };

interface FaultCase {
  name: string;
  /** When the fault is switched on. */
  moment: PassMoment;
  plan: FaultPlan;
  client?: Partial<NetlifyConfig>;
  error: Partial<Pick<NetlifyApiError, "status" | "errorCode">>;
  /** Whole pages the failed pass leaves in the cache. */
  pagesKept: number;
}

const faultCases: FaultCase[] = [
  {
    name: "a 500 on the list call of page 3",
    moment: { beforeList: 3 },
    plan: { errorStatus: 500, count: 1 },
    error: { status: 500 },
    pagesKept: 2,
  },
  {
    name: "a 500 on one session list of page 2",
    moment: { afterList: 2 },
    plan: { errorStatus: 500, count: 1 },
    error: { status: 500 },
    pagesKept: 1,
  },
  {
    name: "an answer slower than the timeout on page 3",
    moment: { beforeList: 3 },
    plan: { latencyMs: 1_500, count: 1 },
    client: { timeoutMs: 300 },
    error: { errorCode: "timeout" },
    pagesKept: 2,
  },
  {
    name: "a hang on a session list of page 4",
    moment: { afterList: 4 },
    plan: { hang: true, count: 1 },
    client: { timeoutMs: 300 },
    error: { errorCode: "timeout" },
    pagesKept: 3,
  },
  {
    name: "a 401 on the list call of page 2 (the token revoked mid-run)",
    moment: { beforeList: 2 },
    plan: { errorStatus: 401, count: 1 },
    error: { status: 401 },
    pagesKept: 1,
  },
];

const isLivePage = (params: ListParams, page: number) => params.state === undefined && params.page === page;

for (const backend of storageBackends().slice(0, 2)) {
  describe(`reconcileSite interrupted, on ${backend.name}`, () => {
    let world: ReconcileWorld;
    beforeAll(async () => {
      world = await startReconcileWorld(backend);
    });
    afterAll(async () => world?.dispose());

    const paged = { ...noDeadline, perPage: PER_PAGE };

    /** The cache holds exactly these runners, each with every session upstream has. */
    async function expectCachedWhole(siteId: string, runnerIds: string[]) {
      const cached = await cachedRunners(world.db, siteId);
      expect(cached.map((row) => row.id).sort()).toEqual([...runnerIds].sort());
      const upstream = upstreamLiveList(world.simulator, siteId).filter((runner) =>
        runnerIds.includes(runner.id),
      );
      expect(await cachedSessionCounts(world.db, runnerIds)).toEqual(upstreamSessionCounts(upstream));
    }

    /**
     * A client (the world's, or one with `config`) that runs `act` once, at `moment` of a pass:
     * where a test changes the upstream or the budget mid-pass. `acted()` says whether it has.
     */
    function actingOnce(moment: PassMoment, act: () => unknown, config?: Partial<NetlifyConfig>) {
      let acted = false;
      const once = async (params: ListParams, page: number) => {
        if (acted || !isLivePage(params, page)) return;
        acted = true;
        await act();
      };
      const client = withListHooks(config ? world.clientWith(config) : world.client, {
        before: (params) => ("beforeList" in moment ? once(params, moment.beforeList) : undefined),
        after: (params) => ("afterList" in moment ? once(params, moment.afterList) : undefined),
      });
      return { client, acted: () => acted };
    }

    const liveIds = (siteId: string) => upstreamLiveList(world.simulator, siteId).map((runner) => runner.id);

    for (const fault of faultCases) {
      it(`keeps whole pages only after ${fault.name}, and the next pass completes`, async () => {
        const siteId = await world.seededSite(RUNNERS, 2);
        const order = liveIds(siteId);
        const { client } = actingOnce(
          fault.moment,
          () => world.simulator.faults.set([{ pathPrefix: "/agent_runners", ...fault.plan }]),
          fault.client ?? {},
        );

        const failed = await reconcileSite(world.db, client, siteId, paged).catch((error: unknown) => error);
        expect(failed).toBeInstanceOf(NetlifyApiError);
        expect(failed).toMatchObject(fault.error);
        world.simulator.faults.clear();
        const kept = order.slice(0, fault.pagesKept * PER_PAGE);
        await expectCachedWhole(siteId, kept);

        world.simulator.log.clear();
        const summary = await reconcileSite(world.db, world.client, siteId, paged);
        expect(summary).toMatchObject({
          complete: true,
          inserted: RUNNERS - kept.length,
          unchanged: kept.length,
          sessionsFetched: RUNNERS - kept.length,
        });
        // The pages written before the failure are not read again beyond their list call.
        expect(sessionListsRead(world.simulator).filter((id) => kept.includes(id))).toEqual([]);
        await expectCachedWhole(siteId, order);
      });
    }

    it("stops between pages when the time budget runs out, and a pass from the next page finishes", async () => {
      const siteId = await world.seededSite(RUNNERS);
      const order = liveIds(siteId);
      // The budget runs out while page 2 is being applied: page 3 is never started.
      const budget = { ...paged };
      const { client } = actingOnce({ afterList: 2 }, () => {
        budget.deadline = Date.now() - 1;
      });

      const first = await reconcileSite(world.db, client, siteId, budget);
      expect(first).toMatchObject({ complete: false, nextPage: 3, pages: 2, inserted: 20, removed: 0 });
      await expectCachedWhole(siteId, order.slice(0, 20));

      const rest = await reconcileSite(world.db, world.client, siteId, { ...paged, fromPage: 3 });
      // Page 1 is read again at the end (runners may have moved to the top): cached, so unchanged.
      expect(rest).toMatchObject({
        complete: true,
        nextPage: null,
        inserted: RUNNERS - 20,
        unchanged: PER_PAGE,
      });
      await expectCachedWhole(siteId, order);
    });

    it("catches a runner that a follow-up moves to page 1 while a first pass pages, once", async () => {
      const siteId = await world.seededSite(RUNNERS);
      const order = liveIds(siteId);
      const mover = order[35] as string;
      const moving = actingOnce({ afterList: 1 }, () => world.followUp(mover));
      world.simulator.log.clear();

      const summary = await reconcileSite(world.db, moving.client, siteId, paged);

      expect(moving.acted()).toBe(true);
      expect(upstreamLiveList(world.simulator, siteId)[0]?.id).toBe(mover);
      expect(summary).toMatchObject({
        complete: true,
        inserted: RUNNERS,
        sessionsFetched: RUNNERS,
        removed: 0,
      });
      const read = sessionListsRead(world.simulator);
      expect(read).toHaveLength(RUNNERS);
      expect(new Set(read).size).toBe(RUNNERS);
      await expectCachedWhole(siteId, order);
      expect((await cachedSessionCounts(world.db, [mover])).get(mover)).toBe(2);
    });

    it("catches a cached runner's follow-up made while a later pass pages", async () => {
      const siteId = await world.seededSite(RUNNERS);
      await reconcileSite(world.db, world.client, siteId, paged);
      const mover = liveIds(siteId)[45] as string;
      const { client } = actingOnce({ afterList: 1 }, () => world.followUp(mover));
      world.simulator.log.clear();

      const summary = await reconcileSite(world.db, client, siteId, paged);

      expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: RUNNERS - 1, sessionsFetched: 1 });
      expect(sessionListsRead(world.simulator)).toEqual([mover]);
      const [row] = (await cachedRunners(world.db, siteId)).filter((runner) => runner.id === mover);
      expect(row?.state).toBe("running");
      expect((await cachedSessionCounts(world.db, [mover])).get(mover)).toBe(2);
    });

    it("caches a runner archived while the live list is paged as archived in that same pass", async () => {
      const siteId = await world.seededSite(30);
      await reconcileSite(world.db, world.client, siteId, paged);
      const target = liveIds(siteId)[2] as string;
      const { client } = actingOnce({ afterList: 1 }, () => world.client.runners.archive(target));

      const summary = await reconcileSite(world.db, client, siteId, paged);

      expect(summary).toMatchObject({ complete: true, archived: 1, removed: 0 });
      const [row] = (await cachedRunners(world.db, siteId)).filter((runner) => runner.id === target);
      expect(row?.state).toBe("archived");
    });
  });
}
