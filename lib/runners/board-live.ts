import type { Database } from "@/db";
import type { Env } from "@/lib/env";
import type { Logger } from "@/lib/log/logger";
import { refreshWatchedSites, watchSites } from "@/lib/sync/watch";
import { boardSiteIds } from "./board-cards";

/** An open board renews its watch every few seconds; a closed one stops the polling this long after. */
export const boardWatchMs = 30_000;

/**
 * What an open board does for itself on each live-update call: its sites count as watched, and
 * the watched sites due an active refresh get one (here, or on whichever instance claims them
 * first). So an open board keeps its runners fresh with no cron call and no process of its own.
 */
export async function keepBoardLive(db: Database, env: Env, options: { owner: string; log: Logger }) {
  await watchSites(db, await boardSiteIds(db), boardWatchMs);
  for (const refresh of await refreshWatchedSites(db, env, { owner: options.owner })) {
    if (refresh.outcome === "failed")
      options.log.warn({ siteId: refresh.siteId, error: refresh.error }, "active refresh failed");
  }
}
