import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type Site, sites } from "@/db/schema";
import { ApiError } from "@/lib/http/api-error";
import { siteAccessThrough } from "@/lib/keys/site-access";
import type { NetlifyClient } from "@/lib/netlify/client";
import { tombstoneSiteRunners } from "@/lib/sync/write-runners";
import { mayConnectSites, mayDisconnectSite, type SiteActor } from "./site-permissions";
import { siteIdPattern } from "./site-schemas";

/**
 * Puts a site on the board with the actor's own Netlify token: a site that token cannot see is
 * refused with `NOT_FOUND` and nothing is written. Connecting a site already on the board
 * refreshes its name and URL and keeps whoever connected it first.
 */
export async function connectSiteFor(
  db: Database,
  client: NetlifyClient,
  actor: SiteActor,
  siteId: string,
): Promise<{ site: Site; created: boolean }> {
  if (!mayConnectSites(actor.role))
    throw new ApiError("FORBIDDEN", "Viewers cannot connect sites; ask an admin for the member role.");
  if (!siteIdPattern.test(siteId)) throw new ApiError("VALIDATION_FAILED", "That is not a Netlify site id.");
  const [existing] = await db.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId));
  const site = await siteAccessThrough(db, client, actor.userId)(siteId);
  return { site, created: existing === undefined };
}

/**
 * Takes a site off the board. The database cascades the delete to the site's runners, their
 * sessions, its sync state and every API key for it, so the Settings page says so before asking;
 * the runners leave tombstones, so boards open elsewhere drop their cards too.
 * Admins may disconnect any site, members only those they connected.
 */
export async function disconnectSite(db: Database, actor: SiteActor, siteId: string): Promise<Site> {
  if (!mayConnectSites(actor.role)) throw new ApiError("FORBIDDEN", "Viewers cannot disconnect sites.");
  const notConnected = new ApiError("NOT_FOUND", "That site is not on the board.");
  if (!siteIdPattern.test(siteId)) throw notConnected;
  const [site] = await db.select().from(sites).where(eq(sites.id, siteId));
  if (!site) throw notConnected;
  if (!mayDisconnectSite(actor.role, site.connectedByUserId === actor.userId))
    throw new ApiError(
      "FORBIDDEN",
      "Members can disconnect only the sites they connected; ask an admin to disconnect this one.",
    );
  return db.transaction(async (tx) => {
    await tombstoneSiteRunners(tx, site.id);
    // The connector is checked again in the delete itself, so a concurrent change cannot slip past.
    const [deleted] = await tx
      .delete(sites)
      .where(
        and(
          eq(sites.id, site.id),
          actor.role === "admin" ? undefined : eq(sites.connectedByUserId, actor.userId),
        ),
      )
      .returning();
    // Throwing rolls the tombstones back with it.
    if (!deleted) throw notConnected;
    return deleted;
  });
}
