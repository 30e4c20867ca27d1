import { desc, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { apiKeys, runners, sessions, sites, users } from "@/db/schema";
import type { StoredInteractions } from "@/db/schema/sessions";
import type { BoardCard } from "./board";
import { cardInteraction } from "./card-interaction";

const lastActivity = sql<Date>`coalesce(${runners.lastSessionCreatedAt}, ${runners.upstreamCreatedAt})`;

/** What a card needs of the run's latest session: why it failed, and what it waits on. */
interface LatestSession {
  id: string;
  interruptReason: string | null;
  creditMessage: string | null;
  interactions: StoredInteractions;
}

/** One subquery per card: the latest session that was not discarded (served by `sessions_runner_id_created_idx`). */
const latestSession = sql<LatestSession | null>`(
  select json_build_object(
    'id', ${sessions.id},
    'interruptReason', ${sessions.interruptReason},
    'creditMessage', ${sessions.creditLimitExceededMessage},
    'interactions', ${sessions.interactions})
  from ${sessions}
  where ${sessions.runnerId} = ${runners.id} and not ${sessions.isDiscarded}
  order by ${sessions.upstreamCreatedAt} desc limit 1)`;

/** Only what a card shows: the upstream payload (the largest column) stays in the database. */
const cardFields = {
  id: runners.id,
  siteId: runners.siteId,
  siteName: sites.name,
  title: runners.title,
  state: runners.state,
  currentTask: runners.currentTask,
  branch: runners.branch,
  agent: runners.agent,
  model: runners.model,
  prUrl: runners.prUrl,
  prNumber: runners.prNumber,
  prState: runners.prState,
  prError: runners.prError,
  prIsBeingCreated: runners.prIsBeingCreated,
  deployUrl: runners.latestSessionDeployUrl,
  hasDiff: runners.hasResultDiff,
  creator: runners.creator,
  keyName: apiKeys.name,
  createdByUserId: runners.createdByUserId,
  createdByUserName: users.fullName,
  createdAt: runners.upstreamCreatedAt,
  lastActivityAt: runners.lastSessionCreatedAt,
  doneAt: runners.doneAt,
  latestSession,
  changeSeq: runners.changeSeq,
};

/**
 * The runners a signed-in person sees on the board, as card rows. Every person sees every
 * connected site (sites are connected for the whole team), so visibility is the join with
 * `sites`; the board and its live updates both start here, so they cannot disagree.
 */
export const visibleCardRows = (db: Database) =>
  db
    .select(cardFields)
    .from(runners)
    .innerJoin(sites, eq(sites.id, runners.siteId))
    .leftJoin(apiKeys, eq(apiKeys.id, runners.createdViaKeyId))
    .leftJoin(users, eq(users.id, runners.createdByUserId));

export type CardRow = Awaited<ReturnType<ReturnType<typeof visibleCardRows>["execute"]>>[number];

/** Who started the run: a key (proxy), a person here, or the Netlify user upstream names. */
function startedBy(row: CardRow): BoardCard["startedBy"] {
  if (row.keyName) return { kind: "key", name: row.keyName };
  const name = row.createdByUserName ?? row.creator?.fullName ?? row.creator?.email;
  if (!name) return null;
  return { kind: "person", name, userId: row.createdByUserId, netlifyUserId: row.creator?.id ?? null };
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

export function toBoardCard(row: CardRow): BoardCard {
  const session = row.latestSession;
  const failed = row.state === "error" || row.state === "interrupted";
  return {
    id: row.id,
    siteId: row.siteId,
    siteName: row.siteName,
    title: row.title,
    state: row.state,
    currentTask: row.currentTask,
    branch: row.branch,
    agent: row.agent,
    model: row.model,
    prUrl: row.prUrl,
    prNumber: row.prNumber,
    prState: row.prState,
    prError: row.prError,
    prIsBeingCreated: row.prIsBeingCreated,
    deployUrl: row.deployUrl,
    hasDiff: row.hasDiff,
    startedBy: startedBy(row),
    failureReason: failed ? (session?.creditMessage ?? session?.interruptReason ?? null) : null,
    interaction:
      session && row.state === "await_input" ? cardInteraction(session.id, session.interactions) : null,
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: (row.lastActivityAt ?? row.createdAt).toISOString(),
    doneAt: iso(row.doneAt),
  };
}

export interface BoardCardFilter {
  /** Archived runners are left out unless asked for. */
  includeArchived: boolean;
}

/** Cached runners of every connected site, latest activity first. */
export async function listBoardCards(
  db: Database,
  filter: BoardCardFilter = { includeArchived: false },
  limit = 5_000,
): Promise<BoardCard[]> {
  const rows = await visibleCardRows(db)
    .where(filter.includeArchived ? undefined : ne(runners.state, "archived"))
    .orderBy(desc(lastActivity))
    .limit(limit);
  return rows.map(toBoardCard);
}

/** The sites on the board: the ones an open board watches. */
export async function boardSiteIds(db: Database): Promise<string[]> {
  return (await db.select({ id: sites.id }).from(sites)).map(({ id }) => id);
}
