import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { type NewRequestLogEntry, requestLog } from "@/db/schema";

/** How long requests wait to share one write; short enough that Settings looks live. */
const batchWindowMs = 200;
const maxBatch = 500;

interface Batch {
  entries: NewRequestLogEntry[];
  written: Promise<void>;
}

const batches = new Map<Database, Batch>();

/** How long the audit trail is kept; Settings shows the last 24 hours, an incident review needs weeks. */
const auditRetentionDays = 30;
const pruneEveryMs = 10 * 60_000;
let lastPrunedAt = 0;

/**
 * Records a key request in the audit log and the key's "last used" and request count. Requests
 * within a short window share one write (one multi-row insert, one update), so the proxy's hot
 * path never waits on it and a burst costs two statements, not two per request. Resolves when
 * this entry is written; the caller hands that to `after()` so a serverless instance stays up
 * until then. Security invariant: entries hold the route template, never the path, query, body
 * or key.
 */
export function recordKeyUsage(db: Database, entry: NewRequestLogEntry): Promise<void> {
  const open = batches.get(db);
  if (open && open.entries.length < maxBatch) {
    open.entries.push(entry);
    return open.written;
  }
  const batch: Batch = { entries: [entry], written: Promise.resolve() };
  batch.written = new Promise((resolve) => setTimeout(resolve, batchWindowMs)).then(() => {
    if (batches.get(db) === batch) batches.delete(db);
    return writeBatch(db, batch.entries);
  });
  batches.set(db, batch);
  return batch.written;
}

async function writeBatch(db: Database, entries: NewRequestLogEntry[]): Promise<void> {
  await db.insert(requestLog).values(entries);
  const perKey = new Map<string, { count: number; lastUsed: Date }>();
  for (const entry of entries) {
    if (!entry.apiKeyId) continue;
    const at = entry.createdAt ?? new Date();
    const seen = perKey.get(entry.apiKeyId);
    perKey.set(entry.apiKeyId, {
      count: (seen?.count ?? 0) + 1,
      lastUsed: seen && seen.lastUsed > at ? seen.lastUsed : at,
    });
  }
  await pruneOldUsage(db);
  if (perKey.size === 0) return;
  const values = sql.join(
    [...perKey].map(
      ([id, usage]) => sql`(${id}::uuid, ${usage.count}::int, ${usage.lastUsed.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  await db.execute(sql`update api_keys set
      request_count = api_keys.request_count + usage.count,
      last_used_at = greatest(api_keys.last_used_at, usage.last_used)
    from (values ${values}) as usage(id, count, last_used)
    where api_keys.id = usage.id`);
}

/**
 * Drops audit rows past their retention and rate-limit counters of windows long gone, at most
 * once per process every ten minutes: cheap (both by index) and needs no scheduler of its own.
 */
async function pruneOldUsage(db: Database): Promise<void> {
  if (Date.now() - lastPrunedAt < pruneEveryMs) return;
  lastPrunedAt = Date.now();
  await db.execute(
    sql`delete from request_log where created_at < now() - make_interval(days => ${auditRetentionDays})`,
  );
  await db.execute(sql`delete from rate_limit_counters where window_start < now() - interval '1 hour'`);
}
