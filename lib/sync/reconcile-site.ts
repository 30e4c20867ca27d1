import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { runners } from "@/db/schema";
import type { NetlifyClient } from "@/lib/netlify/client";
import { NetlifyApiError } from "@/lib/netlify/errors";
import { maxPerPage } from "@/lib/netlify/pagination";
import type { NetlifyRunner, NetlifySession } from "@/lib/netlify/schemas";
import { upstreamDigest } from "./runner-row";
import { type RunnerWithSessions, removeRunners, writeRunners } from "./write-runners";

/** What one reconcile of a site did: the cron route's summary per site. */
export interface ReconcileSummary {
  siteId: string;
  /** False when the time budget ran out: the pass resumes at `nextPage` on the next run. */
  complete: boolean;
  nextPage: number | null;
  pages: number;
  upstreamCalls: number;
  inserted: number;
  updated: number;
  unchanged: number;
  archived: number;
  removed: number;
  sessionsFetched: number;
  durationMs: number;
}

export interface ReconcileOptions {
  /** Stop starting new pages after this moment (epoch ms); the pass then resumes later. */
  deadline: number;
  /** Resume an unfinished pass at this page of the live list. */
  fromPage?: number;
  perPage?: number;
  /** At most this many session lists are read at once. */
  concurrency?: number;
}

/**
 * Reconciles one site's cache with Netlify, page by page. Each page costs one select of the
 * cached digests and, only for runners that are new or changed, their sessions and one
 * transaction writing them (which runs while the next page is read), so an interrupted run
 * leaves whole pages behind and a run that finds nothing changed writes nothing. The list is
 * sorted by latest activity, so it can shift while it is paged: a runner read twice is written
 * again only if it changed in between, page 1 is read again at the end for runners that moved
 * to the top meanwhile, and a cached runner the walk did not meet is looked up before it is
 * removed. Archived runners are a list of their own upstream.
 */
export async function reconcileSite(
  db: Database,
  client: NetlifyClient,
  siteId: string,
  options: ReconcileOptions,
): Promise<ReconcileSummary> {
  const started = Date.now();
  const perPage = options.perPage ?? maxPerPage;
  const fromPage = options.fromPage ?? 1;
  const summary = emptyReconcileSummary(siteId);
  const seen = new Set<string>();
  const pageWork = { db, client, siteId, seen, summary, concurrency: options.concurrency ?? 4 };
  const writer = overlappingWriter(pageWork);

  try {
    for (const state of [undefined, "archived"] as const) {
      let page = state ? 1 : fromPage;
      for (;;) {
        if (Date.now() >= options.deadline) {
          await writer.flush();
          // Only the live list resumes mid-way; the archived one is short and starts over.
          summary.nextPage = state ? 1 : page;
          summary.durationMs = Date.now() - started;
          return summary;
        }
        const listed = await client.runners.list({ siteId, state, page, perPage });
        summary.upstreamCalls++;
        summary.pages++;
        await writer.apply(listed.items, state === "archived");
        if (!listed.nextPage || listed.items.length === 0) break;
        page = listed.nextPage;
      }
    }
    await writer.flush();
  } catch (error) {
    // The page before the failed one still commits (or fails) before the caller hears of it.
    await writer.flush().catch(() => undefined);
    throw error;
  }

  // Page 1 again: runners that moved to the top after it was read, and any that changed since.
  const head = await client.runners.list({ siteId, page: 1, perPage });
  summary.upstreamCalls++;
  await applyListedRunners(pageWork, head.items, false);

  // Vanished runners can only be told apart in a pass that saw every page.
  if (fromPage === 1) summary.removed = await removeVanished(pageWork);
  summary.complete = true;
  summary.durationMs = Date.now() - started;
  return summary;
}

/** A summary with nothing done yet, which each page adds to. */
export const emptyReconcileSummary = (siteId: string): ReconcileSummary => ({
  siteId,
  complete: false,
  nextPage: null,
  pages: 0,
  upstreamCalls: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  archived: 0,
  removed: 0,
  sessionsFetched: 0,
  durationMs: 0,
});

/** What applying a page of the runner list needs; `seen` and `summary` carry over from page to page. */
export interface PageWork {
  db: Database;
  client: NetlifyClient;
  siteId: string;
  seen: Set<string>;
  summary: ReconcileSummary;
  concurrency: number;
}

/**
 * Caches one page of the runner list: runners whose digest is the cached one (unchanged, or
 * already written earlier in this pass) cost nothing more, and new or changed ones get their
 * sessions and are written in one transaction. Shared by the full pass and the active refresh
 * of page 1.
 */
export async function applyListedRunners(
  work: PageWork,
  listed: NetlifyRunner[],
  archivedList: boolean,
): Promise<void> {
  const page = await readPage(work, listed, archivedList);
  if (page) await writePage(work, page);
}

/** A page's new and changed runners with their sessions, ready to be written. */
interface ReadPage {
  batch: RunnerWithSessions[];
  /** The digest each runner of the batch will be cached with. */
  digests: Map<string, string>;
  /** Runners that were not cached: inserts, not updates. */
  fresh: Set<string>;
  archivedList: boolean;
}

/**
 * The part of applying a page that reads: the cached digests, then sessions of the runners that
 * changed. `writing`: the digests of a page whose transaction may not have committed yet, which
 * count as cached (a runner on both pages, after the list shifted, is not written twice).
 */
async function readPage(
  work: PageWork,
  listed: NetlifyRunner[],
  archivedList: boolean,
  writing?: ReadonlyMap<string, string>,
): Promise<ReadPage | undefined> {
  const { db, siteId, seen, summary } = work;
  const listedById = new Map<string, NetlifyRunner>();
  // Read before in this pass, and compared again: it may have changed since (archived while the
  // live list was paged, changed before page 1 was read again). Never counted twice, though.
  const repeated = new Set<string>();
  for (const runner of listed) {
    // Security: an answer naming another site must never land in this site's cache.
    if (runner.site_id !== siteId) throw new Error(`upstream listed a runner of another site for ${siteId}`);
    if (seen.has(runner.id)) repeated.add(runner.id);
    seen.add(runner.id);
    listedById.set(runner.id, runner);
  }
  if (listedById.size === 0) return undefined;
  const cached = await db
    .select({ id: runners.id, upstreamHash: runners.upstreamHash })
    .from(runners)
    .where(inArray(runners.id, [...listedById.keys()]));
  const known = new Map(cached.map((row) => [row.id, row.upstreamHash]));
  for (const id of listedById.keys()) {
    const digest = writing?.get(id);
    if (digest !== undefined) known.set(id, digest);
  }
  const changed: NetlifyRunner[] = [];
  const digests = new Map<string, string>();
  for (const runner of listedById.values()) {
    const digest = upstreamDigest(runner);
    if (known.get(runner.id) !== digest) {
      changed.push(runner);
      digests.set(runner.id, digest);
    } else if (!repeated.has(runner.id)) summary.unchanged++;
  }
  if (changed.length === 0) return undefined;
  const fresh = new Set(changed.filter((runner) => !known.has(runner.id)).map((runner) => runner.id));
  return { batch: await withSessions(work, changed), digests, fresh, archivedList };
}

/** The part that writes: one transaction for the page's runners and their sessions. */
async function writePage(work: PageWork, page: ReadPage): Promise<void> {
  const { summary } = work;
  await work.db.transaction((tx) => writeRunners(tx, page.batch));
  for (const { runner } of page.batch) {
    if (page.fresh.has(runner.id)) summary.inserted++;
    else if (page.archivedList) summary.archived++;
    else summary.updated++;
  }
}

/**
 * Applies the pages of a walk so that each page's transaction runs while the next page is read
 * upstream: PostgreSQL's time hides behind Netlify's instead of adding to it. At most one write
 * is in flight, and it has committed before the next one starts, so pages stay whole and land in
 * order. A failed write surfaces at the next `apply` or `flush`.
 */
function overlappingWriter(work: PageWork) {
  let writing: { done: Promise<void>; digests: Map<string, string> } | undefined;
  const flush = async () => {
    const current = writing;
    writing = undefined;
    await current?.done;
  };
  return {
    async apply(listed: NetlifyRunner[], archivedList: boolean): Promise<void> {
      const page = await readPage(work, listed, archivedList, writing?.digests);
      await flush();
      if (!page) return;
      const done = writePage(work, page);
      // The next flush awaits it and rethrows; this only keeps a rejection from being unhandled meanwhile.
      done.catch(() => undefined);
      writing = { done, digests: page.digests };
    },
    flush,
  };
}

/** Reads the sessions of changed runners, a few at a time. */
async function withSessions(work: PageWork, changed: NetlifyRunner[]): Promise<RunnerWithSessions[]> {
  const batch: RunnerWithSessions[] = [];
  for (let start = 0; start < changed.length; start += work.concurrency) {
    const slice = changed.slice(start, start + work.concurrency);
    const lists = await Promise.all(slice.map((runner) => sessionsOf(work, runner)));
    slice.forEach((runner, index) => {
      batch.push({ runner, sessions: lists[index] });
    });
  }
  return batch;
}

async function sessionsOf(work: PageWork, runner: NetlifyRunner): Promise<NetlifySession[]> {
  work.summary.upstreamCalls++;
  work.summary.sessionsFetched++;
  try {
    // Discarded sessions too: the detail view shows them greyed after a revert.
    return await work.client.sessions.listAll(runner.id, { includeDiscarded: true });
  } catch (error) {
    // Gone between the list and this call: the next pass removes it.
    if (error instanceof NetlifyApiError && error.status === 404) return [];
    throw error;
  }
}

/**
 * Cached runners the walk did not meet: each is looked up (a list can shift under paging, and a
 * runner can slip between two pages) and removed only when Netlify no longer has it.
 */
async function removeVanished(work: PageWork): Promise<number> {
  const { db, client, siteId, seen, summary } = work;
  // Compared here, not in SQL: `not in` with every id met is one bind parameter per runner,
  // past PostgreSQL's 65,535 for a big site.
  const cached = await db.select({ id: runners.id }).from(runners).where(eq(runners.siteId, siteId));
  const unseen = cached.filter(({ id }) => !seen.has(id));
  const gone: string[] = [];
  const found: NetlifyRunner[] = [];
  for (const { id } of unseen) {
    summary.upstreamCalls++;
    try {
      const runner = await client.runners.get(id);
      if (runner.site_id === siteId) found.push(runner);
      else gone.push(id);
    } catch (error) {
      if (error instanceof NetlifyApiError && error.status === 404) gone.push(id);
      else throw error;
    }
  }
  await applyListedRunners(work, found, false);
  if (gone.length === 0) return 0;
  return db.transaction((tx) => removeRunners(tx, siteId, gone));
}
