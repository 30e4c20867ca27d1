import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { nextBoardChange, runnerRemovals, runners, sessions } from "@/db/schema";
import type { NetlifyRunner, NetlifySession } from "@/lib/netlify/schemas";
import { runnerProvenanceColumns, runnerRow } from "./runner-row";
import { sessionRow } from "./session-row";
import { upsertSet } from "./upsert-set";

type Writer = Pick<Database, "insert" | "delete" | "select">;

export interface RunnerWithSessions {
  runner: NetlifyRunner;
  /** Undefined: the sessions were not read this time, and the cached ones stay. */
  sessions?: NetlifySession[];
  /** The key that created the runner through the proxy: recorded once, never overwritten. */
  createdViaKeyId?: string;
}

/**
 * Writes runners (and their sessions) in one statement each, and only what changed: a runner
 * whose upstream digest is unchanged is not rewritten, and a session equal to its cached copy is
 * not either. Every runner written takes the next board change number, which is what open
 * boards follow. Returns the ids actually written.
 */
export async function writeRunners(
  tx: Writer,
  batch: RunnerWithSessions[],
  syncedAt = new Date(),
): Promise<string[]> {
  const first = batch[0];
  if (!first) return [];
  const rows = batch.map(({ runner, createdViaKeyId }) => ({
    ...runnerRow(runner, syncedAt),
    ...(createdViaKeyId ? { createdViaKeyId } : {}),
  }));
  const set = {
    ...upsertSet(runners, runnerRow(first.runner, syncedAt), ["id", ...runnerProvenanceColumns]),
    changeSeq: nextBoardChange(),
    // A runner a key created may reach the cache first through a sync; the key is still recorded.
    createdViaKeyId: sql`coalesce(${runners.createdViaKeyId}, excluded.created_via_key_id)`,
  };
  const written = await tx
    .insert(runners)
    .values(rows)
    .onConflictDoUpdate({
      target: runners.id,
      set,
      setWhere: sql`${runners.upstreamHash} is distinct from excluded.upstream_hash
        or (${runners.createdViaKeyId} is null and excluded.created_via_key_id is not null)`,
    })
    .returning({ id: runners.id });

  const sessionRows = batch.flatMap(({ sessions: list }) =>
    (list ?? []).map((session) => sessionRow(session, syncedAt)),
  );
  const firstSession = sessionRows[0];
  if (firstSession) {
    await tx
      .insert(sessions)
      .values(sessionRows)
      .onConflictDoUpdate({
        target: sessions.id,
        set: upsertSet(sessions, firstSession, ["id"]),
        setWhere: sql`${sessions.upstream} is distinct from excluded.upstream`,
      });
  }
  const writtenIds = written.map(({ id }) => id);
  // A runner that came back after a removal must not be dropped again by open boards.
  if (writtenIds.length > 0)
    await tx.delete(runnerRemovals).where(inArray(runnerRemovals.runnerId, writtenIds));
  return writtenIds;
}

/** Removes runners gone upstream, leaving a tombstone so open boards drop their cards too. */
export async function removeRunners(tx: Writer, siteId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const removed = await tx
    .delete(runners)
    .where(and(eq(runners.siteId, siteId), inArray(runners.id, ids)))
    .returning({ id: runners.id });
  if (removed.length > 0) {
    await tx
      .insert(runnerRemovals)
      .values(removed.map(({ id }) => ({ runnerId: id, siteId })))
      .onConflictDoUpdate({
        target: runnerRemovals.runnerId,
        set: { changeSeq: nextBoardChange(), removedAt: sql`now()` },
      });
  }
  return removed.length;
}

/**
 * Tombstones for every cached runner of a site about to leave the board, so open boards drop its
 * cards; the site's delete then cascades to the runners themselves. One statement, however many
 * runners the site has.
 */
export async function tombstoneSiteRunners(tx: Pick<Database, "execute">, siteId: string): Promise<void> {
  await tx.execute(sql`
    insert into ${runnerRemovals} (runner_id, site_id)
    select ${runners.id}, ${runners.siteId} from ${runners} where ${runners.siteId} = ${siteId}
    on conflict (runner_id) do update set change_seq = ${nextBoardChange()}, removed_at = now()`);
}
