import type { Database } from "@/db";
import { type ApiKeyScope, apiKeys, type Site } from "@/db/schema";
import { actorRole, type KeyActor, KeyRequestError } from "./key-actor";
import { checkExpiry } from "./key-expiry";
import { displayPrefix, generateApiKey, hashApiKey } from "./key-format";
import { type KeySummary, toKeySummary } from "./key-summary";
import { checkRequestedScopes, describeScopeProblem } from "./scopes";

export const MAX_KEY_NAME_LENGTH = 100;
/** Netlify site ids are UUIDs; anything that is not one word of letters, digits and dashes is refused unsent. */
const siteIdPattern = /^[A-Za-z0-9-]{1,64}$/;

export interface MintKeyRequest {
  actor: KeyActor;
  name: string;
  siteId: string;
  scopes: readonly string[];
  /** Null: the key never expires (admins and the operator only). */
  expiresAt: Date | null;
}

/**
 * Confirms the actor's Netlify credential can see the site and puts it on the board (minting a
 * key for a site connects it); throws `NOT_FOUND` when the credential cannot see it.
 */
export type SiteAccess = (siteId: string) => Promise<Site>;

export interface MintedKey {
  /** The plaintext: shown exactly once, never stored. */
  key: string;
  summary: KeySummary;
}

/** The name as it will be stored, or a refusal: 1–100 visible characters. */
export function checkKeyName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new KeyRequestError("VALIDATION_FAILED", "Give the key a name.");
  if (trimmed.length > MAX_KEY_NAME_LENGTH)
    throw new KeyRequestError(
      "VALIDATION_FAILED",
      `The name is longer than ${MAX_KEY_NAME_LENGTH} characters.`,
    );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(trimmed))
    throw new KeyRequestError("VALIDATION_FAILED", "The name cannot contain control characters.");
  return trimmed;
}

/**
 * Mints a key. Every check that needs no network or database runs first, then the site check,
 * so a refused request writes nothing. Security invariant: the key never carries a scope its
 * creator lacks (`checkRequestedScopes`), nor a site their Netlify credential cannot see.
 */
export async function mintKey(
  db: Database,
  request: MintKeyRequest,
  siteAccess: SiteAccess,
): Promise<MintedKey> {
  const name = checkKeyName(request.name);
  const problem = checkRequestedScopes(request.scopes, actorRole(request.actor));
  if (problem) {
    const code = problem.kind === "not_held" ? "FORBIDDEN" : "VALIDATION_FAILED";
    throw new KeyRequestError(code, describeScopeProblem(problem));
  }
  if (request.expiresAt === null && request.actor.kind === "user" && request.actor.role !== "admin")
    throw new KeyRequestError("FORBIDDEN", "Only admins can mint keys that never expire; choose an expiry.");
  checkExpiry(request.expiresAt);
  if (!siteIdPattern.test(request.siteId))
    throw new KeyRequestError("VALIDATION_FAILED", "That is not a Netlify site id.");
  const site = await siteAccess(request.siteId);
  const key = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      name,
      keyHash: hashApiKey(key),
      displayPrefix: displayPrefix(key),
      siteId: site.id,
      scopes: [...request.scopes] as ApiKeyScope[],
      ownerUserId: request.actor.kind === "user" ? request.actor.userId : null,
      expiresAt: request.expiresAt,
    })
    .returning();
  if (!row) throw new Error("minting a key returned no row");
  return { key, summary: toKeySummary(row) };
}
