import { type RunnerStateOnWire, runnerStates } from "@/db/schema/upstream-states";

/*
 * The board's model, shared by the server and the browser (so it imports no database code):
 * the columns, which column a runner is in, and how a live update changes the cards.
 */

/**
 * The board's columns, in order: the one list the grouping, the page, the drag rules and the
 * state switcher read. Archived is shown only when asked for.
 */
export const boardColumns = [
  { id: "needs_you", title: "Needs you", hint: "Waiting on an answer from you" },
  { id: "new", title: "New", hint: "Queued, not started yet" },
  { id: "running", title: "Running", hint: "The agent is working" },
  { id: "needs_review", title: "Needs review", hint: "Finished, no pull request yet" },
  { id: "pr_open", title: "PR open", hint: "A pull request is open" },
  { id: "merged", title: "Merged", hint: "The pull request was merged" },
  { id: "failed", title: "Failed", hint: "Ended with an error or was interrupted" },
  { id: "cancelled", title: "Cancelled", hint: "Stopped before it finished" },
  { id: "archived", title: "Archived", hint: "Put away" },
] as const satisfies readonly { id: string; title: string; hint: string }[];
export type BoardColumn = (typeof boardColumns)[number]["id"];

export const columnTitle = (column: BoardColumn): string =>
  boardColumns.find(({ id }) => id === column)?.title ?? column;

/** A question the agent asked, as a card shows it. The text is the agent's own: untrusted. */
export interface CardQuestion {
  question: string;
  options: string[];
  multiSelect: boolean;
}

/** What a run waits on in "Needs you": questions to answer, or a service to connect in Netlify. */
export type CardInteraction =
  | { kind: "questions"; sessionId: string; refId: string; questions: CardQuestion[] }
  | { kind: "authorization"; sessionId: string; refId: string; provider: string; message: string };

/** Who started a run, as its card says it. */
export type CardStarter =
  | { kind: "key"; name: string }
  | { kind: "person"; name: string; userId: string | null; netlifyUserId: string | null };

/**
 * A runner as the board shows it: what the board API sends, what live updates send and what
 * the browser keeps, so one shape crosses every boundary (dates as ISO strings).
 */
export interface BoardCard {
  id: string;
  siteId: string;
  siteName: string;
  title: string | null;
  /** As upstream sent it: possibly a state the app does not know. */
  state: RunnerStateOnWire;
  currentTask: string | null;
  branch: string | null;
  agent: string | null;
  model: string | null;
  prUrl: string | null;
  prNumber: number | null;
  /** `open`, `draft`, `merged`, `closed`, or a value upstream adds. */
  prState: string | null;
  prError: string | null;
  prIsBeingCreated: boolean;
  deployUrl: string | null;
  hasDiff: boolean;
  startedBy: CardStarter | null;
  /** Why a failed run ended: the interrupt reason or the credit message, in upstream's words. */
  failureReason: string | null;
  interaction: CardInteraction | null;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601: the latest session's start, or the runner's creation. */
  lastActivityAt: string;
  /** ISO 8601, when the run last finished. */
  doneAt: string | null;
}

export const openPrStates: ReadonlySet<string> = new Set(["open", "draft"]);

/** Nearest column for a state the app does not know, from its name; it is shown raw on the card. */
function nearestColumn(state: string): BoardColumn {
  if (/wait|input|question|approv/i.test(state)) return "needs_you";
  if (/error|fail|interrupt/i.test(state)) return "failed";
  if (/cancel|stop|abort/i.test(state)) return "cancelled";
  if (/done|complete|finish|success/i.test(state)) return "needs_review";
  if (/archiv/i.test(state)) return "archived";
  if (/new|queue|pending/i.test(state)) return "new";
  return "running";
}

/** Whether the board knows this state, or shows it raw in its nearest column. */
export const isKnownState = (state: string): boolean => (runnerStates as readonly string[]).includes(state);

/** The column a runner belongs in: its state, and for a finished run, its pull request. */
export function columnOf(card: Pick<BoardCard, "state" | "prState" | "prIsBeingCreated">): BoardColumn {
  switch (card.state) {
    case "await_input":
      return "needs_you";
    case "new":
      return "new";
    case "running":
      return "running";
    case "cancelled":
      return "cancelled";
    case "archived":
      return "archived";
    case "error":
    case "interrupted":
      return "failed";
    case "done":
      if (card.prState === "merged") return "merged";
      if (card.prIsBeingCreated || (card.prState && openPrStates.has(card.prState))) return "pr_open";
      return "needs_review";
    default:
      return nearestColumn(card.state);
  }
}

/** Cards by column, each column in the board's order (latest activity first). */
export function groupByColumn(cards: readonly BoardCard[]): Record<BoardColumn, BoardCard[]> {
  const columns = Object.fromEntries(boardColumns.map(({ id }) => [id, [] as BoardCard[]])) as Record<
    BoardColumn,
    BoardCard[]
  >;
  for (const card of cards) columns[columnOf(card)].push(card);
  return columns;
}

/**
 * Newest first by an ISO 8601 field. ISO strings of one format sort as their instants, and a
 * plain comparison is many times faster than `localeCompare`, which collates: the board sorts
 * thousands of cards on every change.
 */
export const newestFirst =
  (field: "lastActivityAt" | "createdAt") =>
  (a: BoardCard, b: BoardCard): number =>
    a[field] < b[field] ? 1 : a[field] > b[field] ? -1 : 0;

/** The board's order within a column: latest activity first. */
export const byLatestActivity = newestFirst("lastActivityAt");

/** What a live update carries (see `/api/board/changes`). */
export interface BoardChanges {
  cursor: number;
  runners: BoardCard[];
  removed: string[];
}

/**
 * The cards after a live update: changed cards replace theirs by id (or join), removed ones
 * go, the rest stay the same objects, so React re-renders only what changed.
 */
export function applyBoardChanges(
  cards: readonly BoardCard[],
  changes: Omit<BoardChanges, "cursor">,
): BoardCard[] {
  if (changes.runners.length === 0 && changes.removed.length === 0) return [...cards];
  const byId = new Map(cards.map((card) => [card.id, card]));
  for (const id of changes.removed) byId.delete(id);
  for (const card of changes.runners) byId.set(card.id, card);
  return [...byId.values()].sort(byLatestActivity);
}

/** The run in Netlify's dashboard. */
export const netlifyRunUrl = (card: Pick<BoardCard, "id" | "siteName">): string =>
  `https://app.netlify.com/projects/${encodeURIComponent(card.siteName)}/agent-runs/${encodeURIComponent(card.id)}`;
