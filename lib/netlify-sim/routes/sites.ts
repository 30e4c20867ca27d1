import { json, type SimContext, SimHttpError } from "../http";
import { pageHeaders, pageRequest, slicePage } from "../pagination";
import { siteWire } from "../serialize";
import { wireUser } from "../store";

// GET /sites — the token's sites, by name.
export function listSites(ctx: SimContext) {
  const request = pageRequest(ctx);
  const name = ctx.query.get("name")?.toLowerCase();
  const sites = [...ctx.store.sites.values()]
    .filter((site) => ctx.user.accountIds.includes(site.accountId) && (!name || site.name.includes(name)))
    .sort((a, b) => a.name.localeCompare(b.name));
  return json(
    slicePage(sites, request).map((site) => siteWire(ctx.store, site)),
    200,
    pageHeaders(ctx, "/api/v1/sites", sites.length, request),
  );
}

// GET /sites/{id}
export function getSite(ctx: SimContext) {
  const site = ctx.store.siteVisibleTo(ctx.user, ctx.params.site_id ?? "");
  if (!site) throw new SimHttpError(404, "Not found");
  return json(siteWire(ctx.store, site));
}

// GET /user
export const getCurrentUser = (ctx: SimContext) =>
  json({
    ...wireUser(ctx.user),
    uid: ctx.user.id,
    slug: ctx.user.email.split("@")[0],
    login_providers: ["github"],
    created_at: "2024-03-01T09:00:00.000Z",
  });

// GET /accounts
export const listAccounts = (ctx: SimContext) =>
  json(
    ctx.user.accountIds.flatMap((id) => {
      const account = ctx.store.accounts.get(id);
      return account ? [{ ...account, roles_allowed: ["Owner"], billing_name: account.name }] : [];
    }),
  );
