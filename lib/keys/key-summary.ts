import type { ApiKey, ApiKeyScope } from "@/db/schema";

/**
 * A key as anyone may see it. Security invariant: built field by field, so the stored hash can
 * never reach a response, a log or the CLI's output by way of a spread row.
 */
export interface KeySummary {
  id: string;
  name: string;
  displayPrefix: string;
  siteId: string;
  scopes: ApiKeyScope[];
  ownerUserId: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  requestCount: number;
}

export function toKeySummary(row: ApiKey): KeySummary {
  return {
    id: row.id,
    name: row.name,
    displayPrefix: row.displayPrefix,
    siteId: row.siteId,
    scopes: row.scopes,
    ownerUserId: row.ownerUserId,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
    requestCount: row.requestCount,
  };
}

export type KeyStatus = "active" | "expiring" | "expired" | "revoked";

/** A revocation dated in the future is a roll's grace period: the key still works until then. */
export function keyStatus(key: Pick<KeySummary, "expiresAt" | "revokedAt">, now = new Date()): KeyStatus {
  if (key.revokedAt && key.revokedAt <= now) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return key.revokedAt ? "expiring" : "active";
}
