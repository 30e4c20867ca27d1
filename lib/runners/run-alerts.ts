import { type BoardCard, columnOf } from "./board";
import type { BoardViewer } from "./board-filters";

/*
 * What a person is told about their own runs while any page of the app is open: a run they
 * started finished, failed or waits on them. Pure, so the rule is tested without a browser.
 */

export interface RunAlert {
  runnerId: string;
  title: string;
  body: string;
}

const startedBy = (card: BoardCard, viewer: BoardViewer) =>
  card.startedBy?.kind === "person" &&
  (card.startedBy.userId === viewer.userId ||
    (viewer.netlifyUserId !== null && card.startedBy.netlifyUserId === viewer.netlifyUserId));

/** Where a run comes from when it finishes or fails by itself (not a PR closed, not a move undone). */
const working: ReadonlySet<string> = new Set(["new", "running", "needs_you"]);

const news: Partial<Record<string, string>> = {
  needs_you: "is waiting for your answer",
  needs_review: "finished",
  failed: "failed",
};

/** Alerts for the viewer's runs that reached a state worth telling between two versions of the board. */
export function runAlerts(
  before: readonly BoardCard[],
  after: readonly BoardCard[],
  viewer: BoardViewer,
): RunAlert[] {
  const earlier = new Map(before.map((card) => [card.id, columnOf(card)]));
  const alerts: RunAlert[] = [];
  for (const card of after) {
    const was = earlier.get(card.id);
    const now = columnOf(card);
    const said = news[now];
    // A run seen for the first time is not news: it was already there when the board opened.
    if (was === undefined || !working.has(was) || was === now || !said || !startedBy(card, viewer)) continue;
    alerts.push({ runnerId: card.id, title: card.title ?? "Untitled run", body: `Your run ${said}.` });
  }
  return alerts;
}

/** Runs waiting on an answer: the count the tab's title shows. */
export const waitingCount = (cards: readonly BoardCard[]): number =>
  cards.filter((card) => columnOf(card) === "needs_you").length;

const countPrefix = /^\(\d+\) /;

/** A page's title with the waiting count in front, e.g. "(3) Settings · Switchyard"; idempotent. */
export function titleWithCount(title: string, waiting: number): string {
  const plain = title.replace(countPrefix, "");
  return waiting > 0 ? `(${waiting}) ${plain}` : plain;
}
