import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson } from "./fetch";
import { collectAllPages, netlifyPage, type Page } from "./pagination";
import { type NetlifySite, netlifySiteSchema } from "./schemas";
import { upstreamRequest } from "./upstream-request";

export interface SiteFilters {
  /** Netlify's own site-name search. */
  name?: string;
}

export interface ListSitesParams extends SiteFilters {
  page?: number;
  perPage?: number;
}

// The sites the token can see.
export async function listSites(
  config: NetlifyConfig,
  params: ListSitesParams = {},
  options: CallOptions = {},
): Promise<Page<NetlifySite>> {
  const { method, path } = upstreamRequest("listSites", {});
  const init = {
    method,
    query: { name: params.name },
    page: params.page,
    perPage: params.perPage,
    signal: options.signal,
  };
  return netlifyPage(config, path, init, netlifySiteSchema);
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

export async function getSite(
  config: NetlifyConfig,
  siteId: string,
  options: CallOptions = {},
): Promise<NetlifySite> {
  const { method, path } = upstreamRequest("getSite", { site_id: siteId });
  return netlifyJson(config, path, { method, signal: options.signal }, netlifySiteSchema);
}
