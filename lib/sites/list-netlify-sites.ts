import { inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { type Site, sites } from "@/db/schema";
import type { NetlifyClient } from "@/lib/netlify/client";
import type { NetlifySite } from "@/lib/netlify/schemas";
import type { SiteActor } from "./site-permissions";
import { DEFAULT_SITES_PER_PAGE, MAX_SITES_PER_PAGE } from "./site-schemas";

/** A Netlify site as Settings lists it: what Netlify says, and whether it is on the board. */
export interface SiteListing {
  id: string;
  name: string;
  url: string | null;
  accountName: string | null;
  connected: boolean;
  connectedByMe: boolean;
}

export interface SitePage {
  sites: SiteListing[];
  page: number;
  /** At least 1; a lower bound when Netlify sends neither `Total` nor a `last` link. */
  totalPages: number;
}

export interface ListSitesRequest {
  /** Netlify's own site-name search; blank means every site. */
  search?: string;
  page?: number;
  perPage?: number;
}

/**
 * One page of the sites the actor's own Netlify token can see (every role may look), each marked
 * with whether it is on the board. Paged by Netlify itself: accounts with hundreds of sites are
 * never read whole.
 */
export async function listNetlifySites(
  db: Database,
  client: NetlifyClient,
  actor: SiteActor,
  request: ListSitesRequest = {},
): Promise<SitePage> {
  const page = Math.max(1, Math.trunc(request.page ?? 1));
  const perPage = Math.min(
    Math.max(1, Math.trunc(request.perPage ?? DEFAULT_SITES_PER_PAGE)),
    MAX_SITES_PER_PAGE,
  );
  const name = request.search?.trim() || undefined;
  const upstream = await client.sites.list({ name, page, perPage });
  const ids = upstream.items.map((site) => site.id);
  const connected =
    ids.length === 0
      ? []
      : await db
          .select({ id: sites.id, connectedByUserId: sites.connectedByUserId })
          .from(sites)
          .where(inArray(sites.id, ids));
  const connectors = new Map(connected.map((site) => [site.id, site.connectedByUserId]));
  return {
    sites: upstream.items.map((site) => toListing(site, connectors, actor)),
    page,
    totalPages: Math.max(1, upstream.lastPage ?? upstream.nextPage ?? page),
  };
}

function toListing(
  site: NetlifySite,
  connectors: Map<string, Site["connectedByUserId"]>,
  actor: SiteActor,
): SiteListing {
  return {
    id: site.id,
    name: site.name,
    url: site.ssl_url ?? site.url ?? null,
    accountName: site.account_name ?? null,
    connected: connectors.has(site.id),
    connectedByMe: connectors.get(site.id) === actor.userId,
  };
}

/** A connected site as Settings lists it. */
export const connectedListing = (site: Site, actor: SiteActor): SiteListing => ({
  id: site.id,
  name: site.name,
  url: site.url,
  accountName: site.accountName,
  connected: true,
  connectedByMe: site.connectedByUserId === actor.userId,
});
