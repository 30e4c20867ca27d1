import type { SimContext } from "./http";
import { queryInt, SimHttpError } from "./http";

export const MAX_PER_PAGE = 100;

export interface PageRequest {
  page: number;
  perPage: number;
}

export function pageRequest(ctx: SimContext, defaultPerPage = MAX_PER_PAGE): PageRequest {
  const page = queryInt(ctx, "page", 1);
  const perPage = Math.min(queryInt(ctx, "per_page", defaultPerPage), MAX_PER_PAGE);
  if (page < 1 || perPage < 1) throw new SimHttpError(400, "page and per_page must be positive");
  return { page, perPage };
}

/**
 * `Total` and an RFC-5988 `Link` header as Netlify sends them: `last` always, `next`/`prev`
 * when they exist (a page past the end still answers 200 with `[]`).
 */
export function pageHeaders(
  ctx: SimContext,
  path: string,
  total: number,
  request: PageRequest,
): Record<string, string> {
  const lastPage = Math.max(1, Math.ceil(total / request.perPage));
  const link = (page: number, rel: string) => {
    const query = new URLSearchParams(ctx.query);
    query.set("page", String(page));
    query.set("per_page", String(request.perPage));
    return `<${ctx.origin}${path}?${query}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (request.page < lastPage) links.push(link(request.page + 1, "next"));
  if (request.page > 1) links.push(link(Math.min(request.page - 1, lastPage), "prev"));
  links.push(link(lastPage, "last"));
  return { Total: String(total), Link: links.join(", ") };
}

export function slicePage<T>(items: T[], request: PageRequest): T[] {
  const start = (request.page - 1) * request.perPage;
  return items.slice(start, start + request.perPage);
}
