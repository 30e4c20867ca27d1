import { and, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { nextBoardChange, runnerRemovals, runners, sessions } from "@/db/schema";
import type { NetlifyRunner, NetlifySession } from "@/lib/netlify/schemas";
import { runnerProvenanceColumns, runnerRow } from "./runner-row";
import { sessionRow } from "./session-row";
import { upsertSet } from "./upsert-set";

type Writer = Pick<Database, "insert" | "delete" | "select" | "execute">;

export interface RunnerWithSessions {
  runner: NetlifyRunner;
  /** Undefined: the sessions were not read this time, and the cached ones stay. */
  sessions?: NetlifySession[];
  /** The key that created the runner through the proxy: recorded once, never overwritten. */
  createdViaKeyId?: string;
  /** The person who created the runner from the board: recorded once, never overwritten. */
  createdByUserId?: string;
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
  const rows = batch.map(({ runner, createdViaKeyId, createdByUserId }) => ({
    ...runnerRow(runner, syncedAt),
    ...(createdViaKeyId ? { createdViaKeyId } : {}),
    ...(createdByUserId ? { createdByUserId } : {}),
  }));
  const set = {
    ...upsertSet(runners, runnerRow(first.runner, syncedAt), ["id", ...runnerProvenanceColumns]),
    changeSeq: nextBoardChange(),
    // A runner created here may reach the cache first through a sync; who created it is still recorded.
    createdViaKeyId: sql`coalesce(${runners.createdViaKeyId}, excluded.created_via_key_id)`,
    createdByUserId: sql`coalesce(${runners.createdByUserId}, excluded.created_by_user_id)`,
  };
  const written = await upsertRows(tx, runners, rows, {
    set,
    where: sql`${runners.upstreamHash} is distinct from excluded.upstream_hash
        or (${runners.createdViaKeyId} is null and excluded.created_via_key_id is not null)
        or (${runners.createdByUserId} is null and excluded.created_by_user_id is not null)`,
  });

  const sessionRows = batch.flatMap(({ sessions: list }) =>
    (list ?? []).map((session) => sessionRow(session, syncedAt)),
  );
  const firstSession = sessionRows[0];
  if (firstSession) {
    await upsertRows(tx, sessions, sessionRows, {
      set: upsertSet(sessions, firstSession, ["id"]),
      where: sql`${sessions.upstream} is distinct from excluded.upstream`,
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

/**
 * `insert … on conflict (id) do update set … where …` with the rows sent as one JSON parameter
 * and unpacked by `json_populate_recordset`. Drizzle's `values()` binds each value separately:
 * a page of 100 runners and their 200 sessions is 8,300 parameters, and building that statement
 * took more CPU than PostgreSQL took to write the rows. The columns are the keys the row
 * builders set, so the statement still follows the row type; a key a row lacks is null.
 * Answers the ids inserted or updated (not those the `where` skipped).
 */
async function upsertRows(
  tx: Writer,
  table: PgTable,
  rows: Record<string, unknown>[],
  onConflict: { set: Record<string, SQL>; where: SQL },
): Promise<{ id: string }[]> {
  const columns = getTableColumns(table);
  const nameOf = (key: string) => {
    const column = columns[key];
    if (!column) throw new Error(`${key} is not a column of the table being upserted`);
    return column.name;
  };
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const names = keys.map(nameOf);
  const records = rows.map((row) =>
    Object.fromEntries(keys.map((key, index) => [names[index], row[key] ?? null])),
  );
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  const set = sql.join(
    Object.entries(onConflict.set).map(([key, value]) => sql`${sql.identifier(nameOf(key))} = ${value}`),
    sql`, `,
  );
  // Both drivers answer `{ rows }`; the shared result type cannot say so.
  const result = (await tx.execute(sql`
    insert into ${table} (${list})
    select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(records)}::json)
    on conflict (id) do update set ${set} where ${onConflict.where}
    returning id`)) as unknown as { rows: { id: string }[] };
  return result.rows;
}
