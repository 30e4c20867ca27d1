import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Database } from "@/db";
import { runners, syncState } from "@/db/schema";
import type { NetlifyClient } from "@/lib/netlify/client";
import { NetlifyApiError } from "@/lib/netlify/errors";
import type { NetlifyRunner } from "@/lib/netlify/schemas";
import { runnerProvenanceColumns, runnerRow } from "./runner-row";
import { upsertSet } from "./upsert-set";

export interface SiteSyncSummary {
  siteId: string;
  runners: number;
  removed: number;
}

const UPSERT_CHUNK = 500;

/**
 * Reconciles one site's cached runners with the upstream: every page, archived runners
 * included (upstream hides them from the default list), and runners gone upstream removed.
 */
export async function syncSiteRunners(
  db: Database,
  client: NetlifyClient,
  siteId: string,
): Promise<SiteSyncSummary> {
  const [listed, archived] = await Promise.all([
    client.runners.listAll({ siteId }),
    client.runners.listAll({ siteId, state: "archived" }),
  ]);
  const byId = new Map<string, NetlifyRunner>();
  for (const runner of [...listed, ...archived]) {
    // Security: a response naming another site must never land in this site's cache.
    if (runner.site_id !== siteId)
      throw new Error(`upstream returned a runner of another site for ${siteId}`);
    byId.set(runner.id, runner);
  }
  const gone = await confirmGone(db, client, siteId, byId);
  const syncedAt = new Date();
  const rows = [...byId.values()].map((runner) => runnerRow(runner, syncedAt));
  // On conflict, every upstream column comes from the incoming row; our provenance columns stay.
  const set = rows[0] ? upsertSet(runners, rows[0], ["id", ...runnerProvenanceColumns]) : {};

  return db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
      await tx
        .insert(runners)
        .values(rows.slice(start, start + UPSERT_CHUNK))
        .onConflictDoUpdate({ target: runners.id, set });
    }
    const removed =
      gone.length > 0
        ? await tx
            .delete(runners)
            .where(and(eq(runners.siteId, siteId), inArray(runners.id, gone)))
            .returning({ id: runners.id })
        : [];
    await tx
      .insert(syncState)
      .values({ siteId, lastFullSyncAt: syncedAt, consecutiveFailures: 0, lastError: null })
      .onConflictDoUpdate({
        target: syncState.siteId,
        set: { lastFullSyncAt: syncedAt, consecutiveFailures: 0, lastError: null },
      });
    return { siteId, runners: rows.length, removed: removed.length };
  });
}

/**
 * Cached runners the page walk did not return. Pages are offsets over a list that re-sorts as
 * runners get follow-ups, so a runner can slip between two pages: each one is confirmed with a
 * GET before it is deleted, and one that still exists is kept (and refreshed) instead.
 */
async function confirmGone(
  db: Database,
  client: NetlifyClient,
  siteId: string,
  seen: Map<string, NetlifyRunner>,
): Promise<string[]> {
  const cached = await db
    .select({ id: runners.id })
    .from(runners)
    .where(
      and(eq(runners.siteId, siteId), seen.size > 0 ? notInArray(runners.id, [...seen.keys()]) : undefined),
    );
  const gone: string[] = [];
  for (const { id } of cached) {
    try {
      const runner = await client.runners.get(id);
      if (runner.site_id === siteId) seen.set(runner.id, runner);
      else gone.push(id);
    } catch (error) {
      if (error instanceof NetlifyApiError && error.status === 404) gone.push(id);
      else throw error;
    }
  }
  return gone;
}
