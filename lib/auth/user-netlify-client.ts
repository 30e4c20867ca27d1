import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { netlifyConnections } from "@/db/schema";
import type { Env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { createNetlifyClient, type NetlifyClient, netlifyConfigFor } from "@/lib/netlify/client";
import { storedTokenCipher } from "./stored-token";

/**
 * The Netlify API as a signed-in person: their stored token, decrypted for this call only.
 * Security invariant: the token lives in the returned client and nowhere else (never in a
 * response, a log line or an error).
 */
export async function netlifyClientForUser(db: Database, env: Env, userId: string): Promise<NetlifyClient> {
  const [connection] = await db
    .select({ sealed: netlifyConnections.tokenCiphertext })
    .from(netlifyConnections)
    .where(eq(netlifyConnections.userId, userId));
  if (!connection) throw new ApiError("FORBIDDEN", "Your Netlify account is not connected. Sign in again.");
  let token: string;
  try {
    token = storedTokenCipher(env).decrypt(connection.sealed);
  } catch (error) {
    // AUTH_SECRET changed since sign-in: the stored token is unreadable, a new sign-in stores a fresh one.
    throw new ApiError("FORBIDDEN", "Your stored Netlify sign-in can no longer be read. Sign in again.", {
      cause: error,
    });
  }
  return createNetlifyClient(netlifyConfigFor(env, token));
}
