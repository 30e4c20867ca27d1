import type { Page } from "@playwright/test";
import type { BoardOutput } from "@/lib/runners/board-schemas";
import type { RunnerDetailOutput } from "@/lib/runners/runner-detail-schemas";
import { SimulatorControls } from "./simulator-controls";

type Card = BoardOutput["cards"][number];

/**
 * A run of the demo's seed that fits `wanted`, found through the app's own API as the signed-in
 * page. Scenarios ask for runs no other scenario asks for (by site and shape), since they share
 * one demo and run two at a time.
 */
export async function findRun(
  page: Page,
  wanted: { site: string; card: (card: Card) => boolean; detail?: (detail: RunnerDetailOutput) => boolean },
): Promise<RunnerDetailOutput> {
  const board = (await (await page.request.get("/api/board")).json()) as BoardOutput;
  for (const card of board.cards.filter((each) => each.siteName === wanted.site && wanted.card(each))) {
    const detail = (await (await page.request.get(`/api/runners/${card.id}`)).json()) as RunnerDetailOutput;
    if (!wanted.detail || wanted.detail(detail)) return detail;
  }
  throw new Error(`no run on ${wanted.site} fits`);
}

/** Sessions that finished with changes, none discarded. */
export const finishedSessions = (detail: RunnerDetailOutput, count: number) =>
  detail.sessions.length === count &&
  detail.sessions.every(
    (session) => session.state === "done" && session.hasResultDiff && !session.isDiscarded,
  );

/** Netlify's dice refuse a pull request now and then: makes the next one of `run` open. */
export async function forcePullRequestToOpen(page: Page, run: RunnerDetailOutput): Promise<void> {
  await SimulatorControls.ofRunningDemo(page.request).forceOutcomes({
    pull_requests: ["ok"],
    runner_id: run.runner.id,
  });
}
