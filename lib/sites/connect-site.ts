import type { Database } from "@/db";
import { type Site, sites } from "@/db/schema";
import type { NetlifyClient } from "@/lib/netlify/client";

/**
 * Puts a Netlify site on the board. The site is read with the connecting credential first,
 * so nobody can connect a site their token cannot see. `connectedByUserId` null means the
 * service token (CLI).
 *
 * Security invariant: connecting a site that is already on the board (again, or by minting a
 * key for it) refreshes what Netlify says about it but never changes who connected it. The
 * connector may disconnect the site, which deletes every key for it, so a member must not be
 * able to take over an admin's or a colleague's connection just by being able to see the site.
 */
export async function connectSite(
  db: Database,
  client: NetlifyClient,
  siteId: string,
  connectedByUserId: string | null,
): Promise<Site> {
  const upstream = await client.sites.get(siteId);
  const described = {
    name: upstream.name,
    url: upstream.ssl_url ?? upstream.url ?? null,
    accountId: upstream.account_id ?? null,
    accountSlug: upstream.account_slug ?? null,
    accountName: upstream.account_name ?? null,
  };
  const [site] = await db
    .insert(sites)
    .values({ id: upstream.id, ...described, connectedByUserId })
    .onConflictDoUpdate({ target: sites.id, set: described })
    .returning();
  if (!site) throw new Error(`connecting site ${siteId} returned no row`);
  return site;
}
