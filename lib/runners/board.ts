import { desc, eq, ne } from "drizzle-orm";
import type { Database } from "@/db";
import { type RunnerState, runners, sites } from "@/db/schema";

export const boardColumns = [
  "new",
  "running",
  "done",
  "error",
  "cancelled",
] as const satisfies readonly RunnerState[];
export type BoardColumn = (typeof boardColumns)[number];

export interface BoardCard {
  id: string;
  siteName: string;
  title: string | null;
  state: RunnerState;
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
  const columns = Object.fromEntries(boardColumns.map((column) => [column, [] as BoardCard[]])) as Record<
    BoardColumn,
    BoardCard[]
  >;
  for (const card of cards) {
    if (card.state !== "archived") columns[card.state].push(card);
  }
  return columns;
}
