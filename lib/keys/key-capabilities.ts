import { type ApiKeyScope, apiKeyScopes } from "@/db/schema/api-keys";
import { proxiedEndpoints } from "@/lib/netlify/endpoints";

/** One endpoint a key may call, as plain strings: what Settings shows, free of the manifest's schemas. */
export interface KeyCapability {
  scope: ApiKeyScope;
  method: string;
  /** Relative to the proxy, e.g. `/agent_runners/{runner_id}/diff`. */
  path: string;
  summary: string;
}

/**
 * What a key with `scopes` can call through the proxy: grouped by scope (read, write, deploy),
 * in manifest order within each. Read from the manifest the proxy enforces, so Settings can
 * never promise a call the proxy refuses. A scope grants its own endpoints only: none implies
 * another, so the list is the plain union.
 */
export function keyCapabilities(scopes: readonly string[]): KeyCapability[] {
  return apiKeyScopes
    .filter((scope) => scopes.includes(scope))
    .flatMap((scope) =>
      proxiedEndpoints
        .filter((endpoint) => endpoint.scope === scope)
        .map(({ method, path, summary }) => ({ scope, method, path, summary })),
    );
}
