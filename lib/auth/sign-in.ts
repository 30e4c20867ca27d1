import "server-only";
import { count, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type NetlifyTokenKind, netlifyConnections, type User, users } from "@/db/schema";
import { createTokenCipher } from "@/lib/crypto/token-cipher";
import type { Env } from "@/lib/env";
import { createNetlifyClient, netlifyConfigFor } from "@/lib/netlify/client";
import { NetlifyApiError } from "@/lib/netlify/errors";
import { resolveSecrets } from "@/lib/secrets";
import { firstSignInAccess } from "./access";
import { createSession, type NewSession } from "./session-store";

/** A sign-in that cannot go on; the message is for the person on the sign-in page. */
export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignInError";
  }
}

export interface SignedIn {
  user: User;
  session: NewSession;
}

/**
 * Signs a person in with a Netlify token, however it was obtained (OAuth, a personal access
 * token, the demo account): the token is checked with `GET /user` before anything is stored,
 * the person is found or created with their access, and the token is kept only encrypted.
 */
export async function signInWithNetlifyToken(
  db: Database,
  env: Env,
  token: string,
  kind: NetlifyTokenKind,
  userAgent: string | null,
): Promise<SignedIn> {
  const client = createNetlifyClient({ ...netlifyConfigFor(env, token), maxRetries: 0 });
  const me = await client.user.current().catch((error: unknown) => {
    if (error instanceof NetlifyApiError && (error.status === 401 || error.status === 403))
      throw new SignInError(
        "Netlify did not accept that token. Check it, or create a new one, and try again.",
      );
    throw new SignInError("Netlify could not be reached to check the token. Try again in a moment.");
  });
  const teamSlugs = (await client.accounts.list().catch(() => [])).map((account) => account.slug);
  const email = me.email?.trim() || `${me.id}@users.netlify.invalid`;
  const sealed = createTokenCipher(resolveSecrets(env).authSecret).encrypt(token);

  const user = await db.transaction(async (tx) => {
    // Two people signing in at once on an empty database must not both become the owner.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('switchyard:first-user'))`);
    const profile = {
      email,
      fullName: me.full_name ?? null,
      avatarUrl: me.avatar_url ?? null,
      lastSeenAt: new Date(),
    };
    const [existing] = await tx.select().from(users).where(eq(users.netlifyUserId, me.id));
    let person: User | undefined;
    if (existing) {
      if (existing.status === "disabled")
        throw new SignInError("An admin removed this account from Switchyard. Ask them to let you back in.");
      [person] = await tx.update(users).set(profile).where(eq(users.id, existing.id)).returning();
    } else {
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(users);
      const access = firstSignInAccess(env, { email, teamSlugs, isFirstUser: n === 0 });
      [person] = await tx
        .insert(users)
        .values({ ...profile, netlifyUserId: me.id, ...access })
        .returning();
    }
    if (!person) throw new Error("signing in returned no user");
    const connection = {
      tokenKind: kind,
      tokenCiphertext: sealed,
      accountSlugs: teamSlugs,
      lastVerifiedAt: new Date(),
    };
    await tx
      .insert(netlifyConnections)
      .values({ userId: person.id, ...connection })
      .onConflictDoUpdate({ target: netlifyConnections.userId, set: connection });
    return person;
  });
  const session = await createSession(db, user.id, userAgent);
  return { user, session };
}
