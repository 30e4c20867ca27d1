import { desc, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { runners, sites } from "@/db/schema";
import type { BoardCard } from "./board";

const lastActivity = sql<Date>`coalesce(${runners.lastSessionCreatedAt}, ${runners.upstreamCreatedAt})`;

/** Only what a card shows: the upstream payload (the largest column) stays in the database. */
const cardFields = {
  id: runners.id,
  siteName: sites.name,
  title: runners.title,
  state: runners.state,
  currentTask: runners.currentTask,
  branch: runners.branch,
  prUrl: runners.prUrl,
  prNumber: runners.prNumber,
  prState: runners.prState,
  deployUrl: runners.latestSessionDeployUrl,
  creator: runners.creator,
  lastActivityAt: runners.lastSessionCreatedAt,
  createdAt: runners.upstreamCreatedAt,
  changeSeq: runners.changeSeq,
};

/**
 * The runners a signed-in person sees on the board, as card rows. Every person sees every
 * connected site (sites are connected for the whole team), so visibility is the join with
 * `sites`; the board and its live updates both start here, so they cannot disagree.
 */
export const visibleCardRows = (db: Database) =>
  db.select(cardFields).from(runners).innerJoin(sites, eq(sites.id, runners.siteId));

export type CardRow = Awaited<ReturnType<ReturnType<typeof visibleCardRows>["execute"]>>[number];

export const toBoardCard = (row: CardRow): BoardCard => ({
  id: row.id,
  siteName: row.siteName,
  title: row.title,
  state: row.state,
  currentTask: row.currentTask,
  branch: row.branch,
  prUrl: row.prUrl,
  prNumber: row.prNumber,
  prState: row.prState,
  deployUrl: row.deployUrl,
  creatorName: row.creator?.fullName ?? null,
  lastActivityAt: (row.lastActivityAt ?? row.createdAt).toISOString(),
});

/** Cached runners of every connected site, latest activity first, archived ones left out. */
export async function listBoardCards(db: Database, limit = 500): Promise<BoardCard[]> {
  const rows = await visibleCardRows(db)
    .where(ne(runners.state, "archived"))
    .orderBy(desc(lastActivity))
    .limit(limit);
  return rows.map(toBoardCard);
}

/** The sites on the board: the ones an open board watches. */
export async function boardSiteIds(db: Database): Promise<string[]> {
  return (await db.select({ id: sites.id }).from(sites)).map(({ id }) => id);
}
