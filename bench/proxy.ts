/**
 * `npm run bench:proxy` — what the scoped proxy costs over the least a proxy can do. Against the
 * production build (`npm start` in live mode on PostgreSQL, the simulator standing in for
 * Netlify), in one run:
 * - a runner GET (a) straight to the simulator, (b) through a bare pass-through proxy, (c) through
 *   Switchyard with a key (runner cached), under autocannon; and Switchyard refusing a call with
 *   no key, the floor of any answer it gives;
 * - upstream calls per call of (c); where (c)'s time goes by its `Server-Timing`, and the CPU
 *   each answer costs in each process (server, database, upstream, load generator);
 * - a 50 MB diff streamed through Switchyard while the server's RSS is sampled (a fast and a slow
 *   client), beside the same download straight from the simulator;
 * - an unknown key against a revoked one: both refused without an upstream call, in alike time.
 * Targets are printed next to the numbers; a miss does not fail the run. Everything it starts
 * (servers, a temporary database, a temporary directory) is stopped or removed, even on failure.
 *
 * Environment: BENCH_SECONDS (measured seconds per path, default 12), BENCH_DATABASE_URL (where
 * the temporary database is created), BENCH_BUILD=auto|always|never (`next build` first; auto:
 * when `.next` is missing or older than the sources).
 */
import { availableParallelism, loadavg } from "node:os";
import { runBench } from "./bench-lifecycle";
import { type LoadRun, runLoad } from "./load";
import { type BuildMode, ensureProductionBuild } from "./production-build";
import {
  cacheRunner,
  countUpstreamCalls,
  itemTargets,
  type LoadSettings,
  measure,
  meteredProcesses,
  serverTimings,
  streamDiffs,
} from "./proxy-measures";
import { printReport } from "./proxy-report";
import { type ProxyStack, startProxyStack } from "./proxy-stack";

const settings: LoadSettings = {
  connections: 16,
  seconds: Number(process.env.BENCH_SECONDS || 12),
  warmUpSeconds: 3,
};
const oneConnection: LoadSettings = { connections: 1, seconds: 3, warmUpSeconds: 1 };
const shorter: LoadSettings = { ...settings, seconds: 8 };
const COUNTED_REQUESTS = 2_000;
const DIFF_BYTES = 50_000_000;
const SLOW_CLIENT_BYTES_PER_SECOND = 25_000_000;
const adminUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const buildMode = (process.env.BENCH_BUILD || "auto") as BuildMode;
// Everything shares the machine's cores: other work running meanwhile shows up in every number.
const loadAtStart = loadavg()[0] ?? 0;

async function run(
  stack: ProxyStack,
  databaseName: string,
  build: Awaited<ReturnType<typeof ensureProductionBuild>>,
) {
  const targets = itemTargets(stack);
  const metered = meteredProcesses(stack, databaseName);
  await cacheRunner(targets.switchyard);
  // First, while the server's heap is as start-up left it: after the load runs it has grown
  // enough to hide what a download adds.
  const diff = await streamDiffs(stack, DIFF_BYTES, SLOW_CLIENT_BYTES_PER_SECOND);
  const item = {
    direct: await measure(targets.direct, settings, metered),
    passThrough: await measure(targets.passThrough, settings, metered),
    switchyard: await measure(targets.switchyard, settings, metered),
    noKey: await measure(targets.noKey, shorter, metered),
  };
  const single = {
    direct: await measure(targets.direct, oneConnection),
    passThrough: await measure(targets.passThrough, oneConnection),
    switchyard: await measure(targets.switchyard, oneConnection),
    noKey: await measure(targets.noKey, oneConnection),
  };
  const timings = {
    loaded: await serverTimings(targets.switchyard, settings.connections, 4),
    oneConnection: await serverTimings(targets.switchyard, 1, 3),
  };
  const counted = await countUpstreamCalls(stack, () =>
    runLoad(targets.switchyard.url, targets.switchyard.headers, {
      connections: settings.connections,
      amount: COUNTED_REQUESTS,
    }),
  );
  const auth = await countUpstreamCalls(stack, async () => ({
    loaded: await measure(targets.unknownAndRevokedKey, settings, metered),
    oneConnection: await measure(targets.unknownAndRevokedKey, oneConnection),
  }));

  printReport({
    settings,
    build,
    machine: { loadAtStart, loadAtEnd: loadavg()[0] ?? 0, cores: availableParallelism() },
    item,
    oneConnection: single,
    timings,
    counted: { answers: counted.result.statuses[200] ?? 0, calls: counted.calls },
    auth: { ...auth.result, calls: auth.calls },
    diff,
  });

  const answeredAs = (runs: LoadRun[], status: number) =>
    runs.every((load) => load.errors === 0 && load.requests === (load.statuses[status] ?? 0));
  const expected =
    answeredAs([item.direct, item.passThrough, item.switchyard, counted.result], 200) &&
    answeredAs([item.noKey], 401) &&
    [auth.result.loaded, auth.result.oneConnection].every(
      (load) => load.errors === 0 && load.requests === (load.statuses[401] ?? 0) + (load.statuses[403] ?? 0),
    ) &&
    diff.fast.status === 200 &&
    diff.slow.status === 200;
  if (!expected) {
    console.error(
      "\nSome answers were not the expected ones (see the answers column): the numbers are suspect.",
    );
    process.exitCode = 1;
  }
}

await runBench("proxy", async ({ workDir, processes, createDatabase }) => {
  const build = await ensureProductionBuild(processes, buildMode, {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const database = await createDatabase(adminUrl);
  await run(await startProxyStack(processes, database, workDir), database.name, build);
});
