import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { syncState } from "@/db/schema";
import type { ReconcileSummary } from "./reconcile-site";

/*
 * What a pass leaves in `sync_state`, each in one statement that also gives the lease back. Every
 * write is conditional on still holding the lease: a worker that overran it (and was replaced)
 * must not overwrite what its successor records.
 */

/** The pass record kept in `last_summary`: the reconcile summary and the interval chosen after it. */
export type PassRecord = ReconcileSummary & { finishedAt: string; intervalMs?: number };

interface Holder {
  siteId: string;
  owner: string;
}

const inMs = (ms: number): SQL => sql`now() + make_interval(secs => ${Math.max(0, ms) / 1000})`;
const released = { leaseOwner: null, leaseUntil: null };
const healthy = { consecutiveFailures: 0, backoffUntil: null, lastError: null, tokenRefusedAt: null };
const passStartedNowOrBefore = sql`coalesce(${syncState.passStartedAt}, now())`;
const held = ({ siteId, owner }: Holder) =>
  and(eq(syncState.siteId, siteId), eq(syncState.leaseOwner, owner));

/** A pass that ran to the end, or until its budget ran out (`complete: false`, resumed next run). */
export async function recordPass(
  db: Database,
  holder: Holder,
  summary: ReconcileSummary,
  nextDelayMs: number,
): Promise<void> {
  const record: PassRecord = {
    ...summary,
    finishedAt: new Date().toISOString(),
    ...(summary.complete ? { intervalMs: nextDelayMs } : {}),
  };
  await db
    .update(syncState)
    .set({
      ...released,
      ...healthy,
      lastSummary: { ...record },
      nextSyncAt: inMs(summary.complete ? nextDelayMs : 0),
      ...(summary.complete
        ? { lastFullSyncAt: sql`now()`, ...resumeAt(1) }
        : resumeAt(summary.nextPage ?? 1)),
    })
    .where(held(holder));
}

/** The run's hard time limit cut a request off: not the upstream's fault, so no backoff. */
export async function recordCutShort(db: Database, holder: Holder, resumePage: number): Promise<void> {
  await db
    .update(syncState)
    .set({ ...released, ...resumeAt(resumePage), nextSyncAt: sql`now()` })
    .where(held(holder));
}

export interface PassFailure {
  /** A sentence for the Settings page, free of tokens. */
  sentence: string;
  /** Netlify refused the token (or there is none): "reconnect needed" until a pass succeeds. */
  tokenRefused: boolean;
  /** How long the site is left alone. */
  delayMs: number;
  resumePage: number;
}

export async function recordFailure(db: Database, holder: Holder, failure: PassFailure): Promise<void> {
  const until = inMs(failure.delayMs);
  await db
    .update(syncState)
    .set({
      ...released,
      ...resumeAt(failure.resumePage),
      lastError: failure.sentence,
      nextSyncAt: until,
      ...(failure.tokenRefused
        ? { tokenRefusedAt: sql`now()` }
        : { consecutiveFailures: sql`${syncState.consecutiveFailures} + 1`, backoffUntil: until }),
    })
    .where(held(holder));
}

/** Page 1 is a fresh pass (which may remove vanished runners); later pages resume the one under way. */
const resumeAt = (page: number) =>
  page > 1
    ? { passNextPage: page, passStartedAt: passStartedNowOrBefore }
    : { passNextPage: null, passStartedAt: null };
