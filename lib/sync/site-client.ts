import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { netlifyConnections, type Site } from "@/db/schema";
import { serviceToken, storedTokenCipher } from "@/lib/auth/stored-token";
import type { Env } from "@/lib/env";
import { createNetlifyClient, type NetlifyClient, netlifyConfigFor } from "@/lib/netlify/client";
import type { NetlifyConfig } from "@/lib/netlify/config";

export type SiteTokenProblem = "not_connected" | "unreadable" | "no_service_token";

const problemSentences: Record<SiteTokenProblem, string> = {
  not_connected:
    "The person who connected this site has no Netlify sign-in stored any more. They should sign in again, or an admin can reconnect the site.",
  unreadable:
    "The stored Netlify sign-in for this site can no longer be read (AUTH_SECRET changed). The person who connected it should sign in again.",
  no_service_token:
    "This site was connected from the command line, and no service token (NETLIFY_TOKEN) is set to sync it with.",
};

/**
 * No usable token for a site: handled like a token Netlify refused ("reconnect needed"), since
 * only a person signing in again (or an operator setting NETLIFY_TOKEN) can fix it.
 */
export class SiteTokenUnavailableError extends Error {
  constructor(readonly problem: SiteTokenProblem) {
    super(problemSentences[problem]);
    this.name = "SiteTokenUnavailableError";
  }
}

/**
 * The Netlify API as the site's sync sees it: the token of the person who connected the site,
 * decrypted for this client only, or the service token for a site connected from the CLI.
 * `overrides` tune the transport (a time limit, fewer retries), never the token or upstream.
 * Security invariant: the token lives in the returned client and nowhere else.
 */
export async function netlifyClientForSite(
  db: Database,
  env: Env,
  site: Pick<Site, "connectedByUserId">,
  overrides: Pick<NetlifyConfig, "hardStop" | "maxRetries" | "maxRetryDelayMs"> = {},
): Promise<NetlifyClient> {
  const token = await siteToken(db, env, site.connectedByUserId);
  return createNetlifyClient({ ...netlifyConfigFor(env, token), ...overrides });
}

async function siteToken(db: Database, env: Env, userId: string | null): Promise<string> {
  if (userId === null) {
    const service = serviceToken(env);
    if (!service) throw new SiteTokenUnavailableError("no_service_token");
    return service;
  }
  const [connection] = await db
    .select({ sealed: netlifyConnections.tokenCiphertext })
    .from(netlifyConnections)
    .where(eq(netlifyConnections.userId, userId));
  if (!connection) throw new SiteTokenUnavailableError("not_connected");
  try {
    return storedTokenCipher(env).decrypt(connection.sealed);
  } catch {
    throw new SiteTokenUnavailableError("unreadable");
  }
}
