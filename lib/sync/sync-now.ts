import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { queryRows } from "@/db/query-rows";
import { sites, syncState } from "@/db/schema";
import type { Env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import type { Logger } from "@/lib/log/logger";
import { siteIdPattern } from "@/lib/sites/site-schemas";
import { syncNowIntervalSeconds } from "./sync-policy";
import type { SiteSyncResult } from "./sync-run-summary";
import { syncDueSites } from "./sync-sites";

/** Short enough for a person waiting on a button; a pass that needs longer resumes on the next run. */
export const syncNowBudgetMs = 10_000;

/**
 * An admin's "Sync now": the site's pass right away, whatever its schedule or backoff, within a
 * short budget. Refused with 404 for a site not on the board and with 429 within 30 s of the
 * previous press; the press is claimed in one conditional statement so two instances cannot
 * both let one through.
 */
export async function syncSiteNow(
  db: Database,
  env: Env,
  siteId: string,
  options: { log?: Logger; budgetMs?: number } = {},
): Promise<SiteSyncResult> {
  const notConnected = new ApiError("NOT_FOUND", "That site is not on the board.");
  if (!siteIdPattern.test(siteId)) throw notConnected;
  const [site] = await db.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId));
  if (!site) throw notConnected;
  const waitSeconds = await claimSyncNow(db, siteId);
  if (waitSeconds !== null)
    throw new ApiError(
      "RATE_LIMITED",
      `This site was synced on request moments ago; try again in ${waitSeconds} s.`,
      { retryAfterSeconds: waitSeconds },
    );
  const run = await syncDueSites(db, env, {
    deadline: Date.now() + (options.budgetMs ?? syncNowBudgetMs),
    owner: `sync-now:${randomUUID()}`,
    siteIds: [siteId],
    force: true,
    concurrency: 1,
    log: options.log,
  });
  const [result] = run.results;
  // The site was disconnected between the check and the run.
  if (!result) throw notConnected;
  return result;
}

/** Null when this press may go ahead; otherwise the whole seconds until one may. */
async function claimSyncNow(db: Database, siteId: string): Promise<number | null> {
  const interval = sql`make_interval(secs => ${syncNowIntervalSeconds})`;
  const claimed = await queryRows<{ site_id: string }>(
    db,
    sql`insert into sync_state (site_id, manual_sync_at)
      select id, now() from sites where id = ${siteId}
      on conflict (site_id) do update set manual_sync_at = now(), updated_at = now()
        where ${syncState.manualSyncAt} is null or ${syncState.manualSyncAt} <= now() - ${interval}
      returning site_id`,
  );
  if (claimed.length > 0) return null;
  const [wait] = await queryRows<{ seconds: number | string | null }>(
    db,
    sql`select ceil(extract(epoch from ${syncState.manualSyncAt} + ${interval} - now()))::int as seconds
      from ${syncState} where ${syncState.siteId} = ${siteId}`,
  );
  return Math.max(1, Number(wait?.seconds ?? syncNowIntervalSeconds));
}
