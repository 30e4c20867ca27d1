import type { ApiKeyScope } from "@/db/schema";
import { ApiError } from "@/lib/http/api-error";
import type { KeyLookup } from "./key-lookup";
import { invalidKeyError } from "./presented-key";
import { scopesHeldBy } from "./scopes";

export type FoundKey = NonNullable<KeyLookup["key"]>;

/**
 * Whether a looked-up key may make a call needing `needed`, judged by the database's clock (so
 * instances with skewed clocks agree on expiry and revocation). Order matters for what a caller
 * learns: unknown (401), then revoked and expired (403, which scripts tell apart from 401), then
 * the owner's standing and the scope (403).
 */
export function judgeKey(
  lookup: KeyLookup,
  needed: ApiKeyScope,
  options: { nowMs?: number; headers?: Record<string, string> } = {},
): FoundKey {
  const { key } = lookup;
  const headers = options.headers;
  if (!key) throw invalidKeyError({ headers });
  const nowMs = options.nowMs ?? lookup.nowMs;
  // A revocation time in the future is a roll's grace period: the old secret works until then.
  if (key.revokedAtMs !== null && key.revokedAtMs <= nowMs)
    throw new ApiError("KEY_REVOKED", "This API key has been revoked.", { headers });
  if (key.expiresAtMs !== null && key.expiresAtMs <= nowMs)
    throw new ApiError("KEY_EXPIRED", "This API key has expired.", { headers });
  // A key is worth no more than its owner today: removed people's keys stop, demoted people's shrink.
  if (key.ownerUserId && key.owner?.status !== "active")
    throw new ApiError("KEY_REVOKED", "The person who created this API key no longer has access.", {
      headers,
    });
  if (!key.scopes.includes(needed) || (key.owner && !scopesHeldBy(key.owner.role).includes(needed)))
    // The public API document's own wording.
    throw new ApiError("INSUFFICIENT_SCOPE", `API key missing required scope: ${needed}`, { headers });
  return key;
}
