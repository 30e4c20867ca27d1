import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { sites, syncState } from "@/db/schema";
import { syncNowIntervalSeconds } from "./sync-policy";
import {
  lastPassSchema,
  type SiteSyncStatus,
  type SyncStatusList,
  type SyncStatusQuery,
  syncStatusListSchema,
} from "./sync-schemas";

const syncNowFrom = sql`${syncState.manualSyncAt} + make_interval(secs => ${syncNowIntervalSeconds})`;
const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * The sync status of every connected site (or one), for the Settings page. Everyone signed in
 * sees every connected site, as on the board; `viewerId` only marks the sites they connected.
 * The database's clock says whether a lease or a "Sync now" pause is still running.
 */
export async function listSyncStatus(
  db: Database,
  viewerId: string,
  query: SyncStatusQuery = {},
): Promise<SyncStatusList> {
  const rows = await db
    .select({
      site: { id: sites.id, name: sites.name, connectedByUserId: sites.connectedByUserId },
      state: syncState,
      syncing: sql<boolean>`coalesce(${syncState.leaseUntil} > now(), false)`,
      syncNowAvailableAt: sql<Date | string | null>`case when ${syncNowFrom} > now() then ${syncNowFrom} end`,
    })
    .from(sites)
    .leftJoin(syncState, eq(syncState.siteId, sites.id))
    .where(query.siteId ? eq(sites.id, query.siteId) : undefined)
    .orderBy(asc(sites.name), asc(sites.id));
  return syncStatusListSchema.parse({
    sites: rows.map(
      ({ site, state, syncing, syncNowAvailableAt }) =>
        ({
          siteId: site.id,
          siteName: site.name,
          lastFullSyncAt: iso(state?.lastFullSyncAt ?? null),
          nextSyncAt: iso(state?.nextSyncAt ?? null),
          syncing,
          resumesAtPage: state?.passNextPage ?? null,
          lastError: state?.lastError ?? null,
          consecutiveFailures: state?.consecutiveFailures ?? 0,
          backoffUntil: iso(state?.backoffUntil ?? null),
          reconnectNeeded: Boolean(state?.tokenRefusedAt),
          tokenSource: site.connectedByUserId ? "connector" : "service_token",
          connectedByMe: site.connectedByUserId === viewerId,
          // A computed column comes back as text from a raw expression; the schema wants ISO.
          syncNowAvailableAt: syncNowAvailableAt ? new Date(syncNowAvailableAt).toISOString() : null,
          lastPass: lastPassSchema.safeParse(state?.lastSummary).data ?? null,
        }) satisfies SiteSyncStatus,
    ),
  });
}

/** Sites whose token Netlify refused: the board says so until a pass succeeds again. */
export async function listReconnectNeeded(db: Database): Promise<Array<{ id: string; name: string }>> {
  return db
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .innerJoin(syncState, and(eq(syncState.siteId, sites.id), isNotNull(syncState.tokenRefusedAt)))
    .orderBy(asc(sites.name));
}
