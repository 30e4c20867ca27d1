import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { runners, sessions } from "@/db/schema";
import type { NetlifyClient } from "@/lib/netlify/client";
import { NetlifyApiError } from "@/lib/netlify/errors";
import type { NetlifyRunner } from "@/lib/netlify/schemas";
import { runnerProvenanceColumns, runnerRow } from "./runner-row";
import { sessionRow } from "./session-row";
import { upsertSet } from "./upsert-set";

export interface RefreshTarget {
  runnerId: string;
  /** The site the runner must belong to; an answer naming another is never cached. */
  siteId: string;
  /** Set when the runner was just created through a key: recorded once, never overwritten. */
  createdViaKeyId?: string;
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
    await db.delete(runners).where(and(eq(runners.id, target.runnerId), eq(runners.siteId, target.siteId)));
    return "gone";
  }
  assertSite(snapshot.agent_runner, target.siteId);
  const syncedAt = new Date();
  const sessionRows = snapshot.sessions.map((session) => sessionRow(session, syncedAt));
  await db.transaction(async (tx) => {
    await upsertRunnerRow(tx, snapshot.agent_runner, syncedAt, target.createdViaKeyId);
    if (!sessionRows[0]) return;
    await tx
      .insert(sessions)
      .values(sessionRows)
      .onConflictDoUpdate({ target: sessions.id, set: upsertSet(sessions, sessionRows[0], ["id"]) });
  });
  return "refreshed";
}

/** Caches a runner the proxy fetched anyway (a cache miss), so its site is known next time. */
export async function cacheRunner(db: Database, runner: NetlifyRunner, siteId: string): Promise<void> {
  assertSite(runner, siteId);
  await upsertRunnerRow(db, runner, new Date());
}

async function upsertRunnerRow(
  db: Pick<Database, "insert">,
  runner: NetlifyRunner,
  syncedAt: Date,
  createdViaKeyId?: string,
): Promise<void> {
  const row = runnerRow(runner, syncedAt);
  await db
    .insert(runners)
    .values({ ...row, ...(createdViaKeyId ? { createdViaKeyId } : {}) })
    .onConflictDoUpdate({
      target: runners.id,
      set: upsertSet(runners, row, ["id", ...runnerProvenanceColumns]),
    });
}

/** Security: an answer naming another site must never land in this site's cache. */
function assertSite(runner: NetlifyRunner, siteId: string): void {
  if (runner.site_id !== siteId)
    throw new Error(`upstream answered with a runner of another site for ${siteId}`);
}
