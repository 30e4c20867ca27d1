import { z } from "zod";
import type { NetlifyConfig, NetlifyRequestInit } from "./config";
import { NetlifyApiError } from "./errors";
import { netlifyFetch, parseJsonBody } from "./fetch";

/** One page of a list endpoint, with what the `Total` and `Link` headers said. */
export interface Page<T> {
  items: T[];
  /** Null when the upstream sent no (or an unreadable) `Total`. */
  total: number | null;
  page: number;
  nextPage: number | null;
  lastPage: number | null;
}

export type LinkRel = "first" | "prev" | "next" | "last";

/** Netlify caps `per_page` at 100 (101 yields 100), so asking for more would break page arithmetic. */
export const maxPerPage = 100;

/** Page numbers by rel from an RFC 5988 `Link` header; links without a usable `page=` are skipped. */
export function parseLinkHeader(header: string | null): Partial<Record<LinkRel, number>> {
  const pages: Partial<Record<LinkRel, number>> = {};
  if (!header) return pages;
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const page = pageParam(match[1] ?? "");
    const rels = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? "");
    if (page === null || !rels) continue;
    // A rel value may hold several space-separated relations (`rel="next last"`).
    for (const rel of (rels[1] ?? rels[2] ?? "").toLowerCase().split(/\s+/)) {
      if (rel === "first" || rel === "prev" || rel === "next" || rel === "last") pages[rel] = page;
    }
  }
  return pages;
}

function pageParam(target: string): number | null {
  if (!URL.canParse(target, "http://link.invalid")) return null;
  const value = new URL(target, "http://link.invalid").searchParams.get("page");
  return value !== null && /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : null;
}

export function parseTotalHeader(header: string | null): number | null {
  const value = header?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * Combines items with the paging headers. Without any `Link` header, `Total` and `perPage`
 * stand in, so a simulator or proxy that drops `Link` still pages correctly.
 */
export function toPage<T>(
  items: T[],
  headers: Headers,
  request: { page: number; perPage?: number },
): Page<T> {
  const total = parseTotalHeader(headers.get("total"));
  const linkHeader = headers.get("link");
  if (linkHeader !== null || total === null || request.perPage === undefined) {
    const links = parseLinkHeader(linkHeader);
    return { items, total, page: request.page, nextPage: links.next ?? null, lastPage: links.last ?? null };
  }
  const lastPage = Math.max(1, Math.ceil(total / request.perPage));
  const nextPage = request.page < lastPage ? request.page + 1 : null;
  return { items, total, page: request.page, nextPage, lastPage };
}

export interface PageRequest {
  page?: number;
  perPage?: number;
}

/** GETs one page of a list endpoint, adding `page`/`per_page` to `init.query`. */
export async function netlifyPage<S extends z.ZodType>(
  config: NetlifyConfig,
  path: string,
  init: NetlifyRequestInit & PageRequest,
  itemSchema: S,
): Promise<Page<z.output<S>>> {
  const page = init.page ?? 1;
  const perPage = init.perPage === undefined ? undefined : Math.min(Math.max(1, init.perPage), maxPerPage);
  const query = { ...init.query, page, per_page: perPage };
  const response = await netlifyFetch(config, path, { ...init, query, accept: "application/json" });
  const items = await parseJsonBody(response, z.array(itemSchema), config, init.signal);
  return toPage(items, response.headers, { page, perPage });
}

export interface CollectOptions<T> {
  /** When given, an item seen on an earlier page is kept once (lists shift while being walked). */
  idOf?: (item: T) => string;
  /** Safety stop; default 1000 pages (100 000 items). */
  maxPages?: number;
}

/**
 * Walks every page at `per_page=100` until there is no `next` or a page is empty. A walk that
 * would loop (a `next` not past the current page, or too many pages) throws instead of
 * returning a silently truncated list, which a sync would read as deletions.
 */
export async function collectAllPages<T>(
  fetchPage: (request: { page: number; perPage: number }) => Promise<Page<T>>,
  options: CollectOptions<T> = {},
): Promise<T[]> {
  const maxPages = options.maxPages ?? 1000;
  const items: T[] = [];
  const seen = new Set<string>();
  let page = 1;
  for (let fetched = 1; ; fetched++) {
    const result = await fetchPage({ page, perPage: maxPerPage });
    for (const item of result.items) {
      const id = options.idOf?.(item);
      if (id !== undefined && seen.has(id)) continue;
      if (id !== undefined) seen.add(id);
      items.push(item);
    }
    if (result.items.length === 0 || result.nextPage === null) return items;
    if (result.nextPage <= page)
      throw paginationError(`Link rel="next" points back to page ${result.nextPage}`);
    if (fetched >= maxPages) throw paginationError(`more than ${maxPages} pages`);
    page = result.nextPage;
  }
}

function paginationError(detail: string): NetlifyApiError {
  return new NetlifyApiError({
    status: 502,
    errorCode: "invalid_response",
    message: `Netlify API pagination did not end (${detail})`,
  });
}
