import { ApiError } from "@/lib/http/api-error";
import type { RateClass } from "@/lib/keys/key-lookup";
import { compileEndpoints, matchEndpoint } from "@/lib/netlify/endpoint-match";
import { type Endpoint, proxiedEndpoints } from "@/lib/netlify/endpoints";

export const proxyPrefix = "/api/proxy";

const templates = compileEndpoints(proxiedEndpoints);

/** A proxy call resolved from its path: the endpoint, its path parameters and what it needs of a key. */
export interface ProxyCall {
  endpoint: Endpoint & { scope: NonNullable<Endpoint["scope"]> };
  params: Record<string, string>;
  runnerId?: string;
  rateClass: RateClass;
}

/**
 * Resolves a request to a manifest endpoint from its path alone (never from Next.js's decoded
 * catch-all params, which decode `%2F` differently by runtime). Default deny: a path that is not
 * exactly a template, with plain-id parameters, is 400 `INVALID_ENDPOINT`; a known path with a
 * method it does not take is 405 with `Allow` (OPTIONS and HEAD included, so no CORS preflight
 * ever succeeds). The method comes from the request line only: `X-HTTP-Method-Override` is ignored.
 */
export function resolveProxyCall(request: Request): ProxyCall {
  const { pathname } = new URL(request.url);
  const path = pathname.startsWith(`${proxyPrefix}/`) ? pathname.slice(proxyPrefix.length) : "";
  const match = matchEndpoint(templates, request.method, path);
  if (match.kind === "not_found")
    throw new ApiError(
      "INVALID_ENDPOINT",
      `There is no Agent Runners endpoint at this path. The endpoints are listed at ${proxyPrefix}/openapi.json.`,
    );
  if (match.kind === "method_not_allowed")
    throw new ApiError("METHOD_NOT_ALLOWED", `This endpoint takes ${match.allow.join(", ")} only.`, {
      allow: match.allow,
    });
  const scope = match.endpoint.scope;
  if (!scope) throw new Error(`endpoint ${match.endpoint.name} is not proxied`);
  return {
    endpoint: { ...match.endpoint, scope },
    params: match.params,
    runnerId: match.params.runner_id,
    rateClass: scope === "agent_runners:deploy" ? "deploy" : "default",
  };
}
