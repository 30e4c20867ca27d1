import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { queryRows } from "@/db/query-rows";
import { syncState } from "@/db/schema";

/*
 * One sync of a site at a time, across every instance: a lease row in `sync_state`, taken with
 * one statement and given back with another. Never an advisory lock or a transaction held across
 * HTTP calls: on the embedded database an open transaction holds the one backend everyone shares,
 * and Neon's pooler keeps no session for a lock to live in. A worker that dies keeps its lease
 * only until `lease_until`; then anyone may take it.
 */

/**
 * Takes the site's lease for `ttlMs` when nobody holds it (or their lease ran out); true when
 * taken. The row is created on first use, from `sites`, so a site removed meanwhile is simply
 * not leased. The database's clock decides, so instances with skewed clocks still agree.
 */
export async function acquireSiteLease(
  db: Database,
  siteId: string,
  owner: string,
  ttlMs: number,
): Promise<boolean> {
  const seconds = Math.max(1, ttlMs) / 1000;
  const taken = await queryRows<{ site_id: string }>(
    db,
    sql`insert into sync_state (site_id, lease_owner, lease_until)
      select id, ${owner}, now() + make_interval(secs => ${seconds}) from sites where id = ${siteId}
      on conflict (site_id) do update
        set lease_owner = excluded.lease_owner, lease_until = excluded.lease_until, updated_at = now()
        where ${syncState.leaseUntil} is null or ${syncState.leaseUntil} < now()
      returning site_id`,
  );
  return taken.length > 0;
}

/** Gives the lease back at once, but only a lease `owner` still holds: never someone else's. */
export async function releaseSiteLease(db: Database, siteId: string, owner: string): Promise<void> {
  await db
    .update(syncState)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(syncState.siteId, siteId), eq(syncState.leaseOwner, owner)));
}
