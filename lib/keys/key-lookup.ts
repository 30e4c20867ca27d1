import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { preparedStatement } from "@/db/prepared-statement";
import type { ApiKeyScope, UserRole, UserStatus } from "@/db/schema";

/** Which of a key's counters a call counts against: deploy-scope calls have their own, stricter one. */
export type RateClass = "default" | "deploy";

export interface KeyLookupInput {
  keyHash: string;
  rateClass: RateClass;
  /** The runner the call names, whose cached site comes back with the key. */
  runnerId?: string;
  /** The `auth:<ip>` counter a failed authentication is counted in; none counts nothing. */
  failureBucket?: string;
}

/** Everything the proxy needs before forwarding; times are epoch milliseconds by the database's clock. */
export interface KeyLookup {
  nowMs: number;
  /** Start of the current rate-limit window. */
  windowStartMs: number;
  /** When no key matched: the caller's failed authentications this window, this one included. */
  failuresThisWindow: number;
  key?: {
    id: string;
    siteId: string;
    scopes: ApiKeyScope[];
    ownerUserId: string | null;
    expiresAtMs: number | null;
    revokedAtMs: number | null;
    owner: { status: UserStatus; role: UserRole } | null;
    /** The owner's sealed Netlify token; null for CLI-minted keys (service token) or a missing connection. */
    tokenCiphertext: string | null;
    /** The Netlify account of the key's site (for `upload_url`/`delete_url`). */
    accountId: string | null;
    /** This call's count in the key's current window, this call included. */
    callsThisWindow: number;
    /** The cached site of `runnerId`; null when the runner is not in the cache. */
    runnerSiteId: string | null;
    /** A board is open on the key's site or a write went through lately: its active runners are polled. */
    siteWatched: boolean;
  };
}

interface LookupRow {
  now_ms: number;
  window_start_ms: number;
  failures: number | null;
  id: string | null;
  site_id: string;
  scopes: ApiKeyScope[];
  owner_user_id: string | null;
  expires_ms: number | null;
  revoked_ms: number | null;
  owner_status: UserStatus | null;
  owner_role: UserRole | null;
  token_ciphertext: string | null;
  account_id: string | null;
  calls: number | null;
  runner_site_id: string | null;
  site_watched: boolean | null;
}

const epochMs = (column: ReturnType<typeof sql>) => sql`(extract(epoch from ${column}) * 1000)::float8`;
const windowStart = sql`date_trunc('minute', now())`;

/**
 * Adds one hit to a fixed one-minute window counter, restarting it when the window has moved on.
 * Counted in Postgres so every instance shares the count.
 */
const counterUpsert = sql`on conflict (bucket) do update set
  hits = case when counter.window_start = excluded.window_start then counter.hits + 1 else 1 end,
  window_start = excluded.window_start`;

const runLookup = preparedStatement<
  LookupRow,
  Record<"keyHash" | "rateClass" | "failureBucket" | "runnerId", string | null>
>(
  "switchyard_key_lookup",
  sql`with found as (
      select k.id, k.site_id, k.scopes, k.owner_user_id,
        ${epochMs(sql`k.expires_at`)} as expires_ms, ${epochMs(sql`k.revoked_at`)} as revoked_ms,
        u.status as owner_status, u.role as owner_role, c.token_ciphertext, s.account_id,
        coalesce(w.watched_until > now(), false) as site_watched
      from api_keys k
      left join users u on u.id = k.owner_user_id
      left join netlify_connections c on c.user_id = k.owner_user_id
      left join sites s on s.id = k.site_id
      left join sync_state w on w.site_id = k.site_id
      where k.key_hash = ${sql.placeholder("keyHash")}
    ), counted as (
      insert into rate_limit_counters as counter (bucket, window_start, hits)
      select 'key:' || found.id || ':' || ${sql.placeholder("rateClass")}, ${windowStart}, 1 from found
      ${counterUpsert}
      returning hits
    ), failed as (
      insert into rate_limit_counters as counter (bucket, window_start, hits)
      select bucket, ${windowStart}, 1 from (select ${sql.placeholder("failureBucket")}::text as bucket) as failure
      where bucket is not null and not exists (select 1 from found)
      ${counterUpsert}
      returning hits
    )
    select found.*, (select hits from counted) as calls, (select hits from failed) as failures,
      ${epochMs(sql`now()`)} as now_ms, ${epochMs(windowStart)} as window_start_ms,
      (select r.site_id from runners r where r.id = ${sql.placeholder("runnerId")}) as runner_site_id
    from (select 1) as one left join found on true`,
);

/**
 * The proxy's one database round trip before forwarding: the key by its hash with its owner's
 * standing, sealed token and site account, the named runner's cached site, and this call
 * counted: against the key's rate limit, or when no key matches, against the caller's failed
 * authentications. All in one statement, so an unknown key and a revoked one cost the same one
 * round trip and take alike time. Security invariant: the key is looked up by the SHA-256 of
 * what was presented (an index probe), never by comparing secrets.
 */
export async function lookupKey(db: Database, input: KeyLookupInput): Promise<KeyLookup> {
  const [row] = await runLookup(db, {
    keyHash: input.keyHash,
    rateClass: input.rateClass,
    failureBucket: input.failureBucket ?? null,
    runnerId: input.runnerId ?? null,
  });
  if (!row) throw new Error("key lookup returned no row");
  const lookup: KeyLookup = {
    nowMs: row.now_ms,
    windowStartMs: row.window_start_ms,
    failuresThisWindow: row.failures ?? 0,
  };
  if (!row.id) return lookup;
  lookup.key = {
    id: row.id,
    siteId: row.site_id,
    scopes: row.scopes,
    ownerUserId: row.owner_user_id,
    expiresAtMs: row.expires_ms,
    revokedAtMs: row.revoked_ms,
    owner: row.owner_status && row.owner_role ? { status: row.owner_status, role: row.owner_role } : null,
    tokenCiphertext: row.token_ciphertext,
    accountId: row.account_id,
    callsThisWindow: row.calls ?? 0,
    runnerSiteId: row.runner_site_id,
    siteWatched: row.site_watched === true,
  };
  return lookup;
}
