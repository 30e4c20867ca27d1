import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { type ApiKey, type ApiKeyScope, apiKeys, users } from "@/db/schema";
import { ApiError } from "@/lib/http/api-error";
import { checkKeyShape, hashApiKey } from "./key-format";
import { scopesHeldBy } from "./scopes";

/**
 * Who a presented `Authorization: Bearer oc_…` is. Order matters for what a caller learns: a
 * missing or malformed key is refused before any query (and a malformed one, a bad checksum
 * and an unknown one all read "invalid"), then revocation and expiry, then the owner's standing
 * and the scope.
 * Security invariant: the presented key is never logged or echoed, only hashed.
 */
export async function verifyApiKey(
  db: Database,
  authorization: string | null,
  needed: ApiKeyScope,
  now = new Date(),
): Promise<ApiKey> {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (!presented) throw new ApiError("MISSING_KEY", "Send your API key as `Authorization: Bearer oc_…`.");
  if (checkKeyShape(presented)) throw new ApiError("INVALID_KEY", "The API key is not valid.");
  const [row] = await db
    .select({ key: apiKeys, owner: { status: users.status, role: users.role } })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.ownerUserId))
    .where(eq(apiKeys.keyHash, hashApiKey(presented)));
  if (!row) throw new ApiError("INVALID_KEY", "The API key is not valid.");
  const { key, owner } = row;
  if (key.revokedAt && key.revokedAt <= now)
    throw new ApiError("KEY_REVOKED", "This API key has been revoked.");
  if (key.expiresAt && key.expiresAt <= now) throw new ApiError("KEY_EXPIRED", "This API key has expired.");
  // A key is worth no more than its owner today: removed people's keys stop, demoted people's shrink.
  if (key.ownerUserId && owner?.status !== "active")
    throw new ApiError("KEY_REVOKED", "The person who created this API key no longer has access.");
  if (!key.scopes.includes(needed) || (owner && !scopesHeldBy(owner.role).includes(needed)))
    throw new ApiError("INSUFFICIENT_SCOPE", `This API key lacks the ${needed} scope this request needs.`);
  return key;
}
