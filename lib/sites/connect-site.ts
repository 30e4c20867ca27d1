import type { Database } from "@/db";
import { type Site, sites } from "@/db/schema";
import type { NetlifyClient } from "@/lib/netlify/client";

/**
 * Puts a Netlify site on the board. The site is read with the connecting credential first,
 * so nobody can connect a site their token cannot see. `connectedByUserId` null means the
 * service token (CLI).
 */
export async function connectSite(
  db: Database,
  client: NetlifyClient,
  siteId: string,
  connectedByUserId: string | null,
): Promise<Site> {
  const upstream = await client.sites.get(siteId);
  const values = {
    id: upstream.id,
    name: upstream.name,
    url: upstream.ssl_url ?? upstream.url ?? null,
    accountId: upstream.account_id ?? null,
    accountSlug: upstream.account_slug ?? null,
    accountName: upstream.account_name ?? null,
    connectedByUserId,
  };
  const [site] = await db
    .insert(sites)
    .values(values)
    .onConflictDoUpdate({ target: sites.id, set: { ...values, connectedAt: new Date() } })
    .returning();
  if (!site) throw new Error(`connecting site ${siteId} returned no row`);
  return site;
}
