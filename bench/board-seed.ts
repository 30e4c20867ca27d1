import type { Database } from "@/db";
import { agents } from "@/db/schema/upstream-states";
import type { NetlifyClient } from "@/lib/netlify/client";
import type { NetlifySite } from "@/lib/netlify/schemas";
import { demoPrompts } from "@/lib/netlify-sim/content";
import { type BoardColumn, groupByColumn } from "@/lib/runners/board";
import { listBoardCards } from "@/lib/runners/board-cards";
import { connectSite } from "@/lib/sites/connect-site";
import { reconcileSite } from "@/lib/sync/reconcile-site";
import type { simulatorControls } from "./sync-upstream";

/*
 * Fills the board of the demo account (simulator on a frozen clock, team off) to `total` cards
 * on its three sites, `needsReview` of them in Needs review, the rest spread over PR open,
 * Failed, Needs you and Cancelled. Every card is a run started through the simulator's API
 * and played out on its clock (forced outcomes, stops, pull requests), then synced into the
 * cache by the app's own site reconcile: the board reads real rows, with sessions.
 */

type Controls = ReturnType<typeof simulatorControls>;
type Group = "needs_review" | "pr_open" | "failed" | "needs_you" | "cancelled";

/** The outcome forced on each run's session; a run that is stopped needs none. */
const outcomes: Record<Group, string | undefined> = {
  needs_review: "done",
  pr_open: "done",
  failed: "error",
  needs_you: "question",
  cancelled: undefined,
};
/** The simulator takes at most this many forced outcomes per call. */
const CHUNK = 100;
/** Between two chunks, so cards do not all share one time. */
const SPREAD_MS = 60_000;
/** Every session (25–150 s), question and pull request has landed by then. */
const SETTLE_MS = 15 * 60_000;

export interface BoardShape {
  total: number;
  needsReview: number;
}

export type ColumnCounts = Record<BoardColumn, number>;

async function mapConcurrently<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++)
      results[index] = await work(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The board's columns as the app groups them, from the cache. */
export async function columnCounts(db: Database): Promise<{ total: number; columns: ColumnCounts }> {
  const cards = await listBoardCards(db);
  const grouped = groupByColumn(cards);
  const columns = Object.fromEntries(
    Object.entries(grouped).map(([column, inColumn]) => [column, inColumn.length]),
  ) as ColumnCounts;
  return { total: cards.length, columns };
}

export async function fillBoard(
  db: Database,
  client: NetlifyClient,
  controls: Controls,
  shape: BoardShape,
): Promise<{ total: number; columns: ColumnCounts }> {
  const advance = (ms: number) => controls.control("POST", "/__sim/clock", { advance_ms: ms });
  const sites = await client.sites.listAll();
  for (const site of sites) await connectSite(db, client, site.id, null);
  const syncAll = async () => {
    for (const site of sites) {
      const summary = await reconcileSite(db, client, site.id, { deadline: Number.POSITIVE_INFINITY });
      if (!summary.complete) throw new Error(`the sync of ${site.name} did not complete`);
    }
  };
  await controls.control("PUT", "/__sim/credits", {
    team_limit: null,
    user_limit: null,
    max_active_runs: null,
    reset_usage: true,
  });
  // The demo's own live runs end first, so what they add to each column is known.
  await advance(SETTLE_MS);
  await syncAll();
  const demo = await columnCounts(db);
  const added = shape.total - demo.total;
  const kept = shape.needsReview - demo.columns.needs_review;
  if (kept < 0 || added < kept) throw new Error(`the demo's own runs do not fit ${JSON.stringify(shape)}`);
  const rest = added - kept;
  const plan: Record<Group, number> = {
    needs_review: kept,
    pr_open: Math.round(rest * 0.35),
    failed: Math.round(rest * 0.3),
    needs_you: Math.round(rest * 0.06),
    cancelled: 0,
  };
  plan.cancelled = rest - plan.pr_open - plan.failed - plan.needs_you;

  const withRepo = sites.filter((site: NetlifySite) => site.build_settings?.provider === "github");
  let started = 0;
  const forPullRequests: string[] = [];
  for (const group of Object.keys(plan) as Group[]) {
    // Pull requests need a GitHub repository; the other runs go to every site.
    const onSites = group === "pr_open" ? withRepo : sites;
    for (let offset = 0; offset < plan[group]; offset += CHUNK) {
      const size = Math.min(CHUNK, plan[group] - offset);
      const outcome = outcomes[group];
      if (outcome) await controls.control("POST", "/__sim/outcomes", { sessions: Array(size).fill(outcome) });
      const numbers = Array.from({ length: size }, () => started++);
      const ids = await mapConcurrently(numbers, 8, async (number) => {
        const site = onSites[number % onSites.length] as NetlifySite;
        const runner = await client.runners.create({
          siteId: site.id,
          prompt: demoPrompts[number % demoPrompts.length] as string,
          agent: agents[number % agents.length],
        });
        return runner.id;
      });
      if (group === "cancelled") await mapConcurrently(ids, 8, (id) => client.runners.stop(id));
      if (group === "pr_open") forPullRequests.push(...ids);
      await advance(SPREAD_MS);
    }
  }
  await advance(SETTLE_MS);
  for (let offset = 0; offset < forPullRequests.length; offset += CHUNK) {
    const ids = forPullRequests.slice(offset, offset + CHUNK);
    await controls.control("POST", "/__sim/outcomes", { pull_requests: ids.map(() => "ok") });
    await mapConcurrently(ids, 8, (id) => client.runners.createPullRequest(id));
  }
  await advance(SETTLE_MS);
  await syncAll();
  const filled = await columnCounts(db);
  if (filled.total !== shape.total || filled.columns.needs_review !== shape.needsReview)
    throw new Error(`the board was not filled as planned: ${JSON.stringify(filled)}`);
  return filled;
}
