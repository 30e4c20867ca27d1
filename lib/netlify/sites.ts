import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson } from "./fetch";
import { collectAllPages, netlifyPage, type Page } from "./pagination";
import { type NetlifySite, netlifySiteSchema } from "./schemas";
import { pathSegment } from "./url";

export interface SiteFilters {
  /** Netlify's own site-name search. */
  name?: string;
}

export interface ListSitesParams extends SiteFilters {
  page?: number;
  perPage?: number;
}

// GET /sites — the sites the token can see.
export function listSites(
  config: NetlifyConfig,
  params: ListSitesParams = {},
  options: CallOptions = {},
): Promise<Page<NetlifySite>> {
  const init = {
    query: { name: params.name },
    page: params.page,
    perPage: params.perPage,
    signal: options.signal,
  };
  return netlifyPage(config, "/sites", init, netlifySiteSchema);
}

export function listAllSites(
  config: NetlifyConfig,
  filters: SiteFilters = {},
  options: CallOptions = {},
): Promise<NetlifySite[]> {
  return collectAllPages((page) => listSites(config, { ...filters, ...page }, options), {
    idOf: (site) => site.id,
  });
}

export function getSite(
  config: NetlifyConfig,
  siteId: string,
  options: CallOptions = {},
): Promise<NetlifySite> {
  return netlifyJson(config, `/sites/${pathSegment(siteId)}`, { signal: options.signal }, netlifySiteSchema);
}
