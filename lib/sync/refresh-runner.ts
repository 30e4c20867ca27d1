import type { Database } from "@/db";
import type { NetlifyClient } from "@/lib/netlify/client";
import { NetlifyApiError } from "@/lib/netlify/errors";
import type { NetlifyRunner } from "@/lib/netlify/schemas";
import { removeRunners, writeRunners } from "./write-runners";

export interface RefreshTarget {
  runnerId: string;
  /** The site the runner must belong to; an answer naming another is never cached. */
  siteId: string;
  /** Set when the runner was just created through a key: recorded once, never overwritten. */
  createdViaKeyId?: string;
  /** Set when a signed-in person just created the runner from the board: recorded once, never overwritten. */
  createdByUserId?: string;
}

export type RefreshOutcome = "refreshed" | "gone";

/**
 * Brings one runner and its sessions in the cache up to date with a single upstream call (the
 * snapshot carries both). Used after every write through the proxy so the board follows within
 * seconds. A runner gone upstream leaves the cache too.
 */
export async function refreshRunner(
  db: Database,
  client: NetlifyClient,
  target: RefreshTarget,
): Promise<RefreshOutcome> {
  let snapshot: Awaited<ReturnType<NetlifyClient["runners"]["snapshot"]>>;
  try {
    snapshot = await client.runners.snapshot(target.runnerId);
  } catch (error) {
    if (!(error instanceof NetlifyApiError && error.status === 404)) throw error;
    await removeRunners(db, target.siteId, [target.runnerId]);
    return "gone";
  }
  assertSite(snapshot.agent_runner, target.siteId);
  const { agent_runner: runner, sessions: list } = snapshot;
  const { createdViaKeyId, createdByUserId } = target;
  await db.transaction((tx) =>
    writeRunners(tx, [{ runner, sessions: list, createdViaKeyId, createdByUserId }]),
  );
  return "refreshed";
}

/** Caches a runner the proxy fetched anyway (a cache miss), so its site is known next time. */
export async function cacheRunner(db: Database, runner: NetlifyRunner, siteId: string): Promise<void> {
  assertSite(runner, siteId);
  await writeRunners(db, [{ runner }]);
}

/** Security: an answer naming another site must never land in this site's cache. */
function assertSite(runner: NetlifyRunner, siteId: string): void {
  if (runner.site_id !== siteId)
    throw new Error(`upstream answered with a runner of another site for ${siteId}`);
}
