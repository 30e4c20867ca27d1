import type { Database } from "@/db";
import type { NetlifyClient } from "@/lib/netlify/client";
import { NetlifyApiError } from "@/lib/netlify/errors";
import { connectSite } from "@/lib/sites/connect-site";
import { KeyRequestError } from "./key-actor";
import type { SiteAccess } from "./mint-key";

/**
 * Site access through a Netlify credential: the site must be visible to it (Netlify answers 404
 * otherwise, also for another team's site), and is then connected to the board.
 */
export function siteAccessThrough(
  db: Database,
  client: NetlifyClient,
  connectedByUserId: string | null,
): SiteAccess {
  return async (siteId) => {
    try {
      return await connectSite(db, client, siteId, connectedByUserId);
    } catch (error) {
      if (error instanceof NetlifyApiError && (error.status === 404 || error.status === 403))
        throw new KeyRequestError("NOT_FOUND", "Your Netlify account cannot see that site.");
      throw error;
    }
  };
}
