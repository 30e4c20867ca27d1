import "server-only";
import type { Database } from "@/db";
import type { User } from "@/db/schema";
import { netlifyClientForUser } from "@/lib/auth/user-netlify-client";
import type { Env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { NetlifyApiError } from "@/lib/netlify/errors";
import { connectedListing, listNetlifySites } from "./list-netlify-sites";
import { connectSiteFor, disconnectSite } from "./manage-sites";
import type { SiteActor } from "./site-permissions";
import {
  type ListSitesQuery,
  type SiteListOutput,
  type SiteOutput,
  toSiteListOutput,
  toSiteOutput,
} from "./site-schemas";

/*
 * The sites API of Settings, for a signed-in person: each call acts as them (their role, their
 * own Netlify token) and answers in the API's output shape.
 */

const actorFor = (user: User): SiteActor => ({ userId: user.id, role: user.role });

/** A 401 from Netlify here means the person's stored token was revoked: say so, not "upstream error". */
async function asPerson<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof NetlifyApiError && error.status === 401)
      throw new ApiError("FORBIDDEN", "Netlify no longer accepts your sign-in. Sign in again.", {
        cause: error,
      });
    throw error;
  }
}

export async function listSitesAs(
  db: Database,
  env: Env,
  user: User,
  query: ListSitesQuery,
): Promise<SiteListOutput> {
  const client = await netlifyClientForUser(db, env, user.id);
  return toSiteListOutput(await asPerson(() => listNetlifySites(db, client, actorFor(user), query)));
}

export async function connectSiteAs(
  db: Database,
  env: Env,
  user: User,
  siteId: string,
): Promise<{ site: SiteOutput; created: boolean }> {
  const client = await netlifyClientForUser(db, env, user.id);
  const { site, created } = await asPerson(() => connectSiteFor(db, client, actorFor(user), siteId));
  return { site: toSiteOutput(connectedListing(site, actorFor(user))), created };
}

export async function disconnectSiteAs(db: Database, user: User, siteId: string): Promise<void> {
  await disconnectSite(db, actorFor(user), siteId);
}
