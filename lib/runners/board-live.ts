import type { Database } from "@/db";
import type { Env } from "@/lib/env";
import type { Logger } from "@/lib/log/logger";
import { refreshWatchedSites, watchSites } from "@/lib/sync/watch";
import { boardSiteIds } from "./board-cards";

/** An open board's sites stay watched this long after its last call; a closed board stops the polling then. */
export const boardWatchMs = 30_000;

/** A stream renews its watch this often (a third of the watch), not on every call. */
const watchRenewMs = 10_000;

/**
 * What an open board does for itself while it follows the cache: its sites count as watched, and
 * the watched sites due an active refresh get one (here, or on whichever instance claims them
 * first). So an open board keeps its runners fresh with no cron call and no process of its own.
 * The returned function is called often (on every tick of an event stream); it renews the watch
 * only every `watchRenewMs` and leaves the pace of refreshes to the claims in `sync_state`.
 * Failures are logged, never thrown.
 */
export function boardKeeper(db: Database, env: Env, options: { owner: string; log: Logger }) {
  let watchedAt = Number.NEGATIVE_INFINITY;
  return async (): Promise<void> => {
    try {
      if (Date.now() - watchedAt >= watchRenewMs) {
        await watchSites(db, await boardSiteIds(db), boardWatchMs);
        watchedAt = Date.now();
      }
      for (const refresh of await refreshWatchedSites(db, env, { owner: options.owner })) {
        if (refresh.outcome === "failed")
          options.log.warn({ siteId: refresh.siteId, error: refresh.error }, "active refresh failed");
      }
    } catch (error) {
      options.log.warn({ err: error }, "keeping the board live failed");
    }
  };
}
