import { and, count, gt, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { requestLog, sites, users } from "@/db/schema";
import type { KeyActor } from "./key-actor";
import { type KeyStatus, type KeySummary, keyStatus } from "./key-summary";
import { listKeys } from "./manage-keys";

export interface KeyListing extends KeySummary {
  siteName: string | null;
  ownerEmail: string | null;
  status: KeyStatus;
  /** Proxied requests in the last 24 hours, from the request log. */
  requestsLast24h: number;
}

const unique = (values: string[]) => [...new Set(values)];

/** The keys Settings shows the actor: each with its site, its owner and its recent use. */
export async function listKeysForSettings(
  db: Database,
  actor: KeyActor,
  filter: { keyId?: string } = {},
): Promise<KeyListing[]> {
  const keys = await listKeys(db, actor, filter);
  if (keys.length === 0) return [];
  const ownerIds = unique(keys.flatMap((key) => (key.ownerUserId ? [key.ownerUserId] : [])));
  const since = new Date(Date.now() - 86_400_000);
  const [siteRows, ownerRows, usageRows] = await Promise.all([
    db
      .select({ id: sites.id, name: sites.name })
      .from(sites)
      .where(inArray(sites.id, unique(keys.map((key) => key.siteId)))),
    ownerIds.length > 0
      ? db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ownerIds))
      : [],
    db
      .select({ keyId: requestLog.apiKeyId, n: count() })
      .from(requestLog)
      .where(
        and(
          inArray(
            requestLog.apiKeyId,
            keys.map((key) => key.id),
          ),
          gt(requestLog.createdAt, since),
        ),
      )
      .groupBy(requestLog.apiKeyId),
  ]);
  const siteNames = new Map(siteRows.map((row) => [row.id, row.name]));
  const ownerEmails = new Map(ownerRows.map((row) => [row.id, row.email]));
  const usage = new Map(usageRows.map((row) => [row.keyId, row.n]));
  return keys.map((key) => ({
    ...key,
    siteName: siteNames.get(key.siteId) ?? null,
    ownerEmail: key.ownerUserId ? (ownerEmails.get(key.ownerUserId) ?? null) : null,
    status: keyStatus(key),
    requestsLast24h: usage.get(key.id) ?? 0,
  }));
}
