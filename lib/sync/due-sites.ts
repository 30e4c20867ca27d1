import { and, asc, eq, gt, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { netlifyConnections, type Site, sites, syncState } from "@/db/schema";
import { tokenRetryMs } from "./sync-policy";

export type DueSite = Pick<Site, "id" | "name" | "connectedByUserId">;

/**
 * Connected sites a run should take on, most overdue first: never synced, or `next_sync_at`
 * reached, and not backing off. A site whose token Netlify refused waits an hour, or until the
 * person who connected it signs in again (which re-verifies their stored token). `force` (an
 * admin's "Sync now") takes the named sites whatever their schedule. Whether another worker is
 * syncing one is not asked here: taking the lease decides that, atomically.
 */
export async function dueSites(
  db: Database,
  options: { siteIds?: readonly string[]; force?: boolean } = {},
): Promise<DueSite[]> {
  const now = sql`now()`;
  const schedule = and(
    or(isNull(syncState.nextSyncAt), lte(syncState.nextSyncAt, now)),
    or(isNull(syncState.backoffUntil), lte(syncState.backoffUntil, now)),
    or(
      isNull(syncState.tokenRefusedAt),
      lt(syncState.tokenRefusedAt, sql`now() - make_interval(secs => ${tokenRetryMs / 1000})`),
      gt(netlifyConnections.lastVerifiedAt, syncState.tokenRefusedAt),
    ),
  );
  return db
    .select({ id: sites.id, name: sites.name, connectedByUserId: sites.connectedByUserId })
    .from(sites)
    .leftJoin(syncState, eq(syncState.siteId, sites.id))
    .leftJoin(netlifyConnections, eq(netlifyConnections.userId, sites.connectedByUserId))
    .where(
      and(
        options.siteIds ? inArray(sites.id, [...options.siteIds]) : undefined,
        options.force ? undefined : schedule,
      ),
    )
    .orderBy(sql`${syncState.nextSyncAt} asc nulls first`, asc(sites.id));
}
