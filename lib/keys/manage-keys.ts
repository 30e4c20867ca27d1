import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import { type ApiKey, apiKeys } from "@/db/schema";
import { actorRole, type KeyActor, KeyRequestError } from "./key-actor";
import { displayPrefix, generateApiKey, hashApiKey } from "./key-format";
import { type KeySummary, keyStatus, toKeySummary } from "./key-summary";
import type { MintedKey } from "./mint-key";
import { checkRequestedScopes, describeScopeProblem } from "./scopes";

export const MAX_ROLL_GRACE_SECONDS = 24 * 3_600;

/** Keys the actor may see: all for admins and the operator, one's own for everyone else. */
function visibleTo(actor: KeyActor): SQL | undefined {
  if (actor.kind === "service" || actor.role === "admin") return undefined;
  return eq(apiKeys.ownerUserId, actor.userId);
}

export async function listKeys(
  db: Database,
  actor: KeyActor,
  filter: { siteId?: string; keyId?: string } = {},
): Promise<KeySummary[]> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(
      and(
        visibleTo(actor),
        filter.siteId ? eq(apiKeys.siteId, filter.siteId) : undefined,
        filter.keyId ? eq(apiKeys.id, filter.keyId) : undefined,
      ),
    )
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(toKeySummary);
}

/** The key, if the actor may manage it; someone else's key is "not found", not "forbidden". */
async function managedKey(db: Database, actor: KeyActor, keyId: string): Promise<ApiKey> {
  if (actor.kind === "user" && actor.role === "viewer")
    throw new KeyRequestError("FORBIDDEN", "Viewers cannot change keys.");
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const [row] = uuid.test(keyId)
    ? await db
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.id, keyId), visibleTo(actor)))
    : [];
  if (!row) throw new KeyRequestError("NOT_FOUND", "No such key.");
  return row;
}

/** Revokes at once and for good, also cutting short a roll's grace period. */
export async function revokeKey(db: Database, actor: KeyActor, keyId: string): Promise<KeySummary> {
  const key = await managedKey(db, actor, keyId);
  if (keyStatus(key) === "revoked") throw new KeyRequestError("CONFLICT", "This key is already revoked.");
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(eq(apiKeys.id, key.id))
    .returning();
  if (!row) throw new KeyRequestError("NOT_FOUND", "No such key.");
  return toKeySummary(row);
}

/**
 * A new secret with the same name, site, scopes, owner and expiry. The old key keeps working for
 * `graceSeconds` (0 to 24 h), so scripts can switch over, then dies.
 */
export async function rollKey(
  db: Database,
  actor: KeyActor,
  keyId: string,
  graceSeconds: number,
): Promise<MintedKey> {
  if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > MAX_ROLL_GRACE_SECONDS)
    throw new KeyRequestError("VALIDATION_FAILED", "The grace period must be between 0 and 24 hours.");
  const old = await managedKey(db, actor, keyId);
  if (keyStatus(old) !== "active") throw new KeyRequestError("CONFLICT", "Only an active key can be rolled.");
  const problem = checkRequestedScopes(old.scopes, actorRole(actor));
  if (problem) throw new KeyRequestError("FORBIDDEN", describeScopeProblem(problem));
  const key = generateApiKey();
  const now = Date.now();
  return db.transaction(async (tx) => {
    await tx
      .update(apiKeys)
      .set({ revokedAt: new Date(now + graceSeconds * 1_000) })
      .where(eq(apiKeys.id, old.id));
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: old.name,
        keyHash: hashApiKey(key),
        displayPrefix: displayPrefix(key),
        siteId: old.siteId,
        scopes: old.scopes,
        ownerUserId: old.ownerUserId,
        expiresAt: old.expiresAt,
      })
      .returning();
    if (!row) throw new Error("rolling a key returned no row");
    return { key, summary: toKeySummary(row) };
  });
}
