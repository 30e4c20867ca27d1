/**
 * `npm run bench:sync` — what a site reconcile costs, next to the naive way of keeping the cache.
 * The simulator (a process of its own, clock frozen, as in the other benchmarks) holds 10,000
 * runners over 5 sites with 2 sessions each; the engine (`reconcileSite`) and the naive baseline
 * (`naive-sync.ts`) each keep a fresh PostgreSQL database of their own. Three scenarios, both
 * approaches on the same upstream data in each: a cold full sync, a resync with nothing changed,
 * and a resync after 1% of the runners changed (state, title or a follow-up). Each reports wall
 * time, the upstream calls the simulator logged, the SQL statements sent and the rows they
 * wrote (counted at the driver), and the CPU each process spent. Sites are synced one after
 * another. Targets are printed with the numbers: a miss of an exact one (rows written, calls
 * made, sessions read), or caches unlike the upstream, fail the run; a time over its target does
 * not. The simulator is stopped and both databases dropped, failures included.
 *
 * Environment: BENCH_DATABASE_URL (where the temporary databases are created).
 */
import type { ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { count } from "drizzle-orm";
import type { Database } from "@/db";
import { runners, sessions } from "@/db/schema";
import { createNetlifyClient, type NetlifyClient } from "@/lib/netlify/client";
import { connectSite } from "@/lib/sites/connect-site";
import { reconcileSite } from "@/lib/sync/reconcile-site";
import { startServerProcess } from "./harness";
import { naiveSync } from "./naive-sync";
import { type MeteredProcesses, meterCpu, pidsMatching } from "./process-cpu";
import { pidListeningOn } from "./process-memory";
import { type CountingDatabase, createCountingDatabase, sqlDelta } from "./sync-database";
import { type MeasuredPass, printReport, type SyncResults, targetsMet } from "./sync-report";
import { changeRunners, noUpstreamCalls, simulatorControls } from "./sync-upstream";

const RUNNERS = 10_000;
const SITES = 5;
const SESSIONS_PER_RUNNER = 2;
const CHANGED = RUNNERS / 100;
/** The engine's default: how many session lists it reads at once (the baseline does the same). */
const CONCURRENCY = 4;
const token = "bench-sync-token";
const adminUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const loadAtStart = loadavg()[0] ?? 0;

async function cacheSize(db: Database): Promise<{ runners: number; sessions: number }> {
  const [runnerRows] = await db.select({ n: count() }).from(runners);
  const [sessionRows] = await db.select({ n: count() }).from(sessions);
  return { runners: runnerRows?.n ?? 0, sessions: sessionRows?.n ?? 0 };
}

async function run(apiUrl: string, engine: CountingDatabase, naive: CountingDatabase) {
  const controls = simulatorControls(new URL(apiUrl).origin);
  const seeded = (await controls.control("POST", "/__sim/seed", {
    runners: RUNNERS,
    sites: SITES,
    sessions: SESSIONS_PER_RUNNER,
  })) as { sites: string[] };
  const siteIds = seeded.sites;
  const client: NetlifyClient = createNetlifyClient({ baseUrl: apiUrl, token, timeoutMs: 30_000 });
  for (const siteId of siteIds) {
    await connectSite(engine.db, client, siteId, null);
    await connectSite(naive.db, client, siteId, null);
    // The simulator renders each runner once and keeps it: neither approach should pay for that.
    await client.runners.listAll({ siteId });
  }
  const simulatorPid = pidListeningOn(Number(new URL(apiUrl).port));
  const metered = (database: CountingDatabase): MeteredProcesses => ({
    PostgreSQL: () => pidsMatching(new RegExp(`^postgres: .* ${database.bench.name} `)),
    simulator: () => (simulatorPid === undefined ? [] : [simulatorPid]),
  });

  /** One pass over every site; the simulator's log is read between sites, outside the time. */
  const measure = async (
    database: CountingDatabase,
    sitePass: (siteId: string) => Promise<void>,
  ): Promise<MeasuredPass> => {
    await controls.takeCalls(noUpstreamCalls());
    const upstream = noUpstreamCalls();
    const cpuSeconds: Record<string, number> = {};
    const sqlBefore = database.counts();
    let wallMs = 0;
    for (const siteId of siteIds) {
      const metering = await meterCpu(metered(database), async () => {
        const started = performance.now();
        await sitePass(siteId);
        wallMs += performance.now() - started;
      });
      for (const [name, seconds] of Object.entries(metering.cpuSeconds)) {
        // The meter calls its own process the load generator: here it is the one syncing.
        const owner = name === "load generator" ? "sync" : name;
        cpuSeconds[owner] = (cpuSeconds[owner] ?? 0) + seconds;
      }
      await controls.takeCalls(upstream);
    }
    return { wallMs, upstream, sql: sqlDelta(sqlBefore, database.counts()), cpuSeconds };
  };
  const enginePass = () =>
    measure(engine, async (siteId) => {
      const summary = await reconcileSite(engine.db, client, siteId, {
        deadline: Number.POSITIVE_INFINITY,
        concurrency: CONCURRENCY,
      });
      if (!summary.complete) throw new Error(`the pass over ${siteId} did not complete`);
    });
  const naivePass = () =>
    measure(naive, async (siteId) => {
      await naiveSync(naive.db, client, siteId, CONCURRENCY);
    });

  const cold = { engine: await enginePass(), naive: await naivePass() };
  const noChange = { engine: await enginePass(), naive: await naivePass() };
  const changedRunners = await changeRunners(controls, client, siteIds, CHANGED);
  const changed = { engine: await enginePass(), naive: await naivePass() };

  const results: SyncResults = {
    runners: RUNNERS,
    sites: SITES,
    sessionsPerRunner: SESSIONS_PER_RUNNER,
    changedRunners,
    concurrency: CONCURRENCY,
    load: { atStart: loadAtStart, atEnd: loadavg()[0] ?? 0 },
    passes: { cold, noChange, changed },
  };
  printReport(results);

  // A third of the changes were follow-ups: one more session each.
  const expected = {
    runners: RUNNERS,
    sessions: RUNNERS * SESSIONS_PER_RUNNER + changedRunners.filter((_, index) => index % 3 === 2).length,
  };
  const caches = { engine: await cacheSize(engine.db), naive: await cacheSize(naive.db) };
  const alike = Object.values(caches).every(
    (size) => size.runners === expected.runners && size.sessions === expected.sessions,
  );
  if (!alike) {
    console.error(
      `\nThe caches do not hold what the upstream has (${JSON.stringify({ expected, ...caches })}).`,
    );
    process.exitCode = 1;
  }
  // A time over its target is reported only: it says as much about the machine as about the code.
  const met = targetsMet(results);
  if (!(met.noChangeQuiet && met.changedSessionsOnly)) process.exitCode = 1;
}

let simulator: ChildProcess | undefined;
const databases: CountingDatabase[] = [];
let cleaned: Promise<void> | undefined;
const cleanUp = () => {
  cleaned ??= (async () => {
    simulator?.kill();
    for (const database of databases) {
      await database.close().catch(() => undefined);
      await database.bench.drop().catch((error: unknown) => {
        console.error(`could not drop database ${database.bench.name}: ${(error as Error).message}`);
      });
    }
  })();
  return cleaned;
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

try {
  const started = await startServerProcess(
    "scripts/sim.ts",
    ["--port", "0", "--token", token, "--seed", "empty", "--speed", "0"],
    /listening on (\S+)/,
  );
  simulator = started.child;
  databases.push(await createCountingDatabase(adminUrl));
  databases.push(await createCountingDatabase(adminUrl));
  const [engine, naive] = databases as [CountingDatabase, CountingDatabase];
  await run(started.url, engine, naive);
} catch (error) {
  console.error(
    `bench:sync failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await cleanUp();
}
