import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { sites, syncState, type User } from "@/db/schema";
import { hasRole } from "@/lib/auth/access";
import { scopesHeldBy } from "@/lib/keys/scopes";
import { listBoardCards } from "./board-cards";
import { boardCursor } from "./board-changes";
import type { BoardOutput } from "./board-schemas";

/** What a person may do from the board: viewers look; deploy rights open pull requests. */
export function boardAbilities(user: Pick<User, "role">): { write: boolean; deploy: boolean } {
  return {
    write: hasRole(user.role, "member"),
    deploy: scopesHeldBy(user.role).includes("agent_runners:deploy"),
  };
}

/** The connected sites, with whether Netlify refused the token each one syncs with. */
async function boardSites(db: Database): Promise<BoardOutput["sites"]> {
  const rows = await db
    .select({ id: sites.id, name: sites.name, refusedAt: syncState.tokenRefusedAt })
    .from(sites)
    .leftJoin(syncState, eq(syncState.siteId, sites.id))
    .orderBy(asc(sites.name));
  return rows.map(({ id, name, refusedAt }) => ({ id, name, reconnectNeeded: refusedAt !== null }));
}

/** The whole board for one person: what `GET /api/board` answers and the page prefetches. */
export async function loadBoard(
  db: Database,
  user: Pick<User, "id" | "role" | "netlifyUserId">,
  options: { includeArchived: boolean },
): Promise<BoardOutput> {
  // The cursor is read before the cards: a change landing in between is fetched again, not missed.
  const cursor = await boardCursor(db);
  const [cards, siteList] = await Promise.all([listBoardCards(db, options), boardSites(db)]);
  return {
    cursor,
    cards,
    sites: siteList,
    viewer: { userId: user.id, netlifyUserId: user.netlifyUserId, ...boardAbilities(user) },
  };
}
