import { ApiError } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/json-body";
import { parseInput, queryObject } from "@/lib/http/validation";
import type { FoundKey } from "@/lib/keys/key-verdict";
import type { Query } from "@/lib/netlify/url";
import type { ProxyCall } from "./proxy-route";

/** Bodies above this are refused while they stream in (the public contract's 1 MB). */
export const maxRequestBodyBytes = 1024 * 1024;

/** Query parameters that would carry a secret into access logs. */
const secretQueryNames = ["api_key", "apikey", "key", "token", "access_token"];
const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

/** What goes upstream, built only from validated, allow-listed input. */
export interface UpstreamInput {
  query: Query | undefined;
  body: unknown;
  headers: Record<string, string>;
}

/** Refused before authentication: a key in the URL is already in somebody's logs. */
export function refuseKeyInQuery(request: Request): void {
  const { searchParams } = new URL(request.url);
  if (secretQueryNames.some((name) => searchParams.has(name)))
    throw new ApiError(
      "BAD_REQUEST",
      "Send the API key as `Authorization: Bearer oc_…`, never in the URL: URLs end up in logs. Revoke a key that was sent this way.",
    );
}

/**
 * The query, body and headers the upstream call gets. Security invariants (proxy-security.md
 * items 5 and 8): only fields the endpoint's schema names survive, so a client's `site_id` or
 * `account_id` in any spelling, position or nesting is dropped and the key's own is set; of the
 * client's headers only a well-formed `Idempotency-Key` passes.
 */
export async function upstreamInput(
  request: Request,
  call: ProxyCall,
  key: FoundKey,
): Promise<UpstreamInput> {
  const { endpoint } = call;
  let query: Query | undefined;
  if (endpoint.query) {
    const raw = queryObject(new URL(request.url).searchParams);
    query = parseInput(endpoint.query, raw, "query string") as Query;
  }
  if (endpoint.binding === "site_query") query = { ...query, site_id: key.siteId };

  let body: unknown;
  if (endpoint.body) {
    const parsed = parseInput(
      endpoint.body,
      await readJsonBody(request, { maxBytes: maxRequestBodyBytes }),
      "request body",
    );
    body =
      endpoint.binding === "account_body" ? { ...(parsed as object), account_id: siteAccount(key) } : parsed;
  }

  const headers: Record<string, string> = {};
  const idempotencyKey = request.headers.get("idempotency-key");
  if (idempotencyKey && idempotencyKeyPattern.test(idempotencyKey))
    headers["Idempotency-Key"] = idempotencyKey;
  return { query, body, headers };
}

function siteAccount(key: FoundKey): string {
  if (!key.accountId)
    throw new ApiError(
      "UPSTREAM_ERROR",
      "The Netlify team of this key's site is not known yet. Reconnect the site in Settings, then try again.",
    );
  return key.accountId;
}
