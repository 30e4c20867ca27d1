import type { RunnerState, RunnerStateOnWire } from "@/db/schema/upstream-states";

/** Archived runners are off the board; every other known state has its own column. */
type BoardState = Exclude<RunnerState, "archived">;

/**
 * The board's columns, in order, with their titles: the one list the grouping and the page
 * both read. A state the app does not know yet (upstream adds them) lands in `other`.
 */
export const boardColumns = [
  { id: "await_input", title: "Needs you" },
  { id: "new", title: "New" },
  { id: "running", title: "Running" },
  { id: "done", title: "Done" },
  { id: "error", title: "Error" },
  { id: "interrupted", title: "Interrupted" },
  { id: "cancelled", title: "Cancelled" },
  { id: "other", title: "Other" },
] as const satisfies readonly { id: BoardState | "other"; title: string }[];
export type BoardColumn = (typeof boardColumns)[number]["id"];

const columnIds: ReadonlySet<string> = new Set(boardColumns.map((column) => column.id));

// "other" names a column, not an upstream state: a runner sent in a state "other" is still unknown.
const isBoardState = (state: string): state is BoardState => state !== "other" && columnIds.has(state);

/** The column a state belongs in; null for archived runners, which the board leaves out. */
export function columnOf(state: RunnerStateOnWire): BoardColumn | null {
  if (state === "archived") return null;
  return isBoardState(state) ? state : "other";
}

/**
 * A runner as the board shows it: what the server renders, what live updates send and what the
 * browser keeps, so one shape crosses every boundary (dates as ISO strings). This module is
 * shared with the browser, so it imports no database code.
 */
export interface BoardCard {
  id: string;
  siteName: string;
  title: string | null;
  /** As upstream sent it: possibly a state the app does not know. */
  state: RunnerStateOnWire;
  currentTask: string | null;
  branch: string | null;
  prUrl: string | null;
  prNumber: number | null;
  prState: string | null;
  deployUrl: string | null;
  creatorName: string | null;
  /** ISO 8601: the latest session's start, or the runner's creation. */
  lastActivityAt: string;
}

export function groupByColumn(cards: BoardCard[]): Record<BoardColumn, BoardCard[]> {
  const columns = Object.fromEntries(boardColumns.map((column) => [column.id, [] as BoardCard[]])) as Record<
    BoardColumn,
    BoardCard[]
  >;
  for (const card of cards) {
    const column = columnOf(card.state);
    if (column) columns[column].push(card);
  }
  return columns;
}

/** The board's order within a column: latest activity first (ISO strings sort as their instants). */
export const byLatestActivity = (a: BoardCard, b: BoardCard) =>
  b.lastActivityAt.localeCompare(a.lastActivityAt);

/** The board as the server rendered it: the cards, and the change number they are as fresh as. */
export interface BoardSeed {
  cards: BoardCard[];
  cursor: number;
}

/** What a live update carries (see `/api/board/changes`). */
export interface BoardChanges {
  cursor: number;
  runners: BoardCard[];
  removed: string[];
}

/**
 * The cards after a live update: changed cards replace theirs by id (or join), removed ones
 * go, the rest stay as they were, so React re-renders only what changed.
 */
export function applyBoardChanges(cards: BoardCard[], changes: Omit<BoardChanges, "cursor">): BoardCard[] {
  if (changes.runners.length === 0 && changes.removed.length === 0) return cards;
  const byId = new Map(cards.map((card) => [card.id, card]));
  for (const id of changes.removed) byId.delete(id);
  for (const card of changes.runners) byId.set(card.id, card);
  return [...byId.values()].sort(byLatestActivity);
}
