import { desc, eq, ne } from "drizzle-orm";
import type { Database } from "@/db";
import { type RunnerState, type RunnerStateOnWire, runners, sites } from "@/db/schema";

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
  lastActivityAt: Date;
}

/** Cached runners of every connected site, newest activity first, archived ones left out. */
export async function listBoardCards(db: Database, limit = 500): Promise<BoardCard[]> {
  const rows = await db
    .select({ runner: runners, siteName: sites.name })
    .from(runners)
    .innerJoin(sites, eq(sites.id, runners.siteId))
    .where(ne(runners.state, "archived"))
    .orderBy(desc(runners.lastSessionCreatedAt))
    .limit(limit);
  return rows.map(({ runner, siteName }) => ({
    id: runner.id,
    siteName,
    title: runner.title,
    state: runner.state,
    currentTask: runner.currentTask,
    branch: runner.branch,
    prUrl: runner.prUrl,
    prNumber: runner.prNumber,
    prState: runner.prState,
    deployUrl: runner.latestSessionDeployUrl,
    creatorName: runner.creator?.fullName ?? null,
    lastActivityAt: runner.lastSessionCreatedAt ?? runner.upstreamCreatedAt,
  }));
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
