import "server-only";
import type { Database } from "@/db";
import type { User } from "@/db/schema";
import { netlifyClientForUser } from "@/lib/auth/user-netlify-client";
import type { Env } from "@/lib/env";
import type { KeyActor } from "./key-actor";
import { listKeysForSettings } from "./key-listing";
import { expiryDate, type KeyOutput, type MintKeyInput, toKeyOutput } from "./key-schemas";
import { revokeKey, rollKey } from "./manage-keys";
import { mintKey } from "./mint-key";
import { siteAccessThrough } from "./site-access";

/*
 * The keys API of Settings, for a signed-in person: each call acts as them (their role, their
 * Netlify token for the site check) and answers in the API's output shape.
 */

export const actorFor = (user: User): KeyActor => ({ kind: "user", userId: user.id, role: user.role });

async function outputOf(db: Database, actor: KeyActor, keyId: string): Promise<KeyOutput> {
  const [listing] = await listKeysForSettings(db, actor, { keyId });
  if (!listing) throw new Error(`key ${keyId} vanished after it was written`);
  return toKeyOutput(listing);
}

export async function listKeysAs(db: Database, user: User): Promise<KeyOutput[]> {
  return (await listKeysForSettings(db, actorFor(user))).map(toKeyOutput);
}

export async function mintKeyAs(db: Database, env: Env, user: User, input: MintKeyInput) {
  const actor = actorFor(user);
  const client = await netlifyClientForUser(db, env, user.id);
  const { key, summary } = await mintKey(
    db,
    {
      actor,
      name: input.name,
      siteId: input.siteId,
      scopes: input.scopes,
      expiresAt: expiryDate(input.expires),
    },
    siteAccessThrough(db, client, user.id),
  );
  return { key, apiKey: await outputOf(db, actor, summary.id) };
}

export async function revokeKeyAs(db: Database, user: User, keyId: string) {
  const revoked = await revokeKey(db, actorFor(user), keyId);
  return { apiKey: await outputOf(db, actorFor(user), revoked.id) };
}

export async function rollKeyAs(db: Database, user: User, keyId: string, graceSeconds: number) {
  const { key, summary } = await rollKey(db, actorFor(user), keyId, graceSeconds);
  return { key, apiKey: await outputOf(db, actorFor(user), summary.id) };
}
