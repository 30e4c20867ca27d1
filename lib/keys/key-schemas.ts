import { z } from "zod";
import { apiKeyScopes } from "@/db/schema";
import type { KeyListing } from "./key-listing";
import { MAX_ROLL_GRACE_SECONDS } from "./manage-keys";

/*
 * The keys API's shapes, in and out. Inputs are bounded here (a 10 KB name is refused before any
 * rule runs); the rules themselves (scopes held, expiry, site) live in `mintKey`. Outputs are
 * built from `KeyListing`/`KeySummary` only, so no hash can be serialized.
 */

export const expiryPresets = { "7d": 7, "30d": 30, "90d": 90 } as const;

export const mintKeyInputSchema = z.object({
  name: z.string().max(1_000),
  siteId: z.string().min(1).max(100),
  scopes: z.array(z.string().max(100)).max(10),
  /** A preset, "never" (admins only), or a custom date. */
  expires: z.union([z.enum(["7d", "30d", "90d", "never"]), z.iso.datetime({ offset: true })]),
});
export type MintKeyInput = z.infer<typeof mintKeyInputSchema>;

export function expiryDate(expires: MintKeyInput["expires"], now = Date.now()): Date | null {
  if (expires === "never") return null;
  if (expires in expiryPresets)
    return new Date(now + expiryPresets[expires as keyof typeof expiryPresets] * 86_400_000);
  return new Date(expires);
}

export const rollKeyInputSchema = z.object({
  graceSeconds: z.number().int().min(0).max(MAX_ROLL_GRACE_SECONDS),
});

const isoOrNull = z.iso.datetime().nullable();

export const keyOutputSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  displayPrefix: z.string(),
  siteId: z.string(),
  siteName: z.string().nullable(),
  scopes: z.array(z.enum(apiKeyScopes)),
  status: z.enum(["active", "expiring", "expired", "revoked"]),
  ownerEmail: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: isoOrNull,
  revokedAt: isoOrNull,
  lastUsedAt: isoOrNull,
  requestsLast24h: z.number().int(),
});
export type KeyOutput = z.infer<typeof keyOutputSchema>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A listing as the API sends it; parsed, so a field that is not in the schema cannot slip out. */
export function toKeyOutput(key: KeyListing): KeyOutput {
  return keyOutputSchema.parse({
    id: key.id,
    name: key.name,
    displayPrefix: key.displayPrefix,
    siteId: key.siteId,
    siteName: key.siteName,
    scopes: key.scopes,
    status: key.status,
    ownerEmail: key.ownerEmail,
    createdAt: key.createdAt.toISOString(),
    expiresAt: iso(key.expiresAt),
    revokedAt: iso(key.revokedAt),
    lastUsedAt: iso(key.lastUsedAt),
    requestsLast24h: key.requestsLast24h,
  });
}
