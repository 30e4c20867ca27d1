/**
 * `npm run bench:sim` — the simulator must not be the bottleneck of later benchmarks.
 * Measures, side by side in one run: seeding 10,000 runners (simulator vs. building the same
 * number of bare objects) and a 100-runner list call under autocannon (simulator vs. a bare
 * node:http server sending a body of the same size).
 */
import { SimClock } from "@/lib/netlify-sim/clock";
import { SimRandom } from "@/lib/netlify-sim/random";
import { seedAccount, seedBulk } from "@/lib/netlify-sim/seed";
import { SimStore } from "@/lib/netlify-sim/store";
import { measureLoad, ratio, startServerProcess } from "./harness";

const RUNNERS = 10_000;
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS || 10);

function timeSeeding(): number {
  const store = new SimStore(new SimClock(0), new SimRandom(1));
  const user = seedAccount(store, { token: "bench" });
  const started = performance.now();
  seedBulk(store, user, { runners: RUNNERS, sites: 10 });
  return performance.now() - started;
}

function timeBareObjects(): number {
  const started = performance.now();
  const items = Array.from({ length: RUNNERS }, (_, index) => ({
    id: index.toString(16).padStart(24, "0"),
    state: "done",
    title: `Runner ${index}`,
  }));
  if (items.length !== RUNNERS) throw new Error("unreachable");
  return performance.now() - started;
}

const seedMs = timeSeeding();
const bareMs = timeBareObjects();

const token = "bench-token";
const sim = await startServerProcess(
  "scripts/sim.ts",
  ["--port", "0", "--token", token, "--seed", "empty", "--speed", "0"],
  /listening on (\S+)/,
);
try {
  const apiUrl = sim.url;
  const origin = new URL(apiUrl).origin;
  const seeded = (await (
    await fetch(`${origin}/__sim/seed`, {
      method: "POST",
      body: JSON.stringify({ runners: RUNNERS, sites: 10 }),
      headers: { "content-type": "application/json" },
    })
  ).json()) as { sites: string[]; ms: number };
  const listUrl = `${apiUrl}/agent_runners?site_id=${seeded.sites[0]}&per_page=100`;
  const sample = await fetch(listUrl, { headers: { authorization: `Bearer ${token}` } });
  const sampleBody = await sample.text();
  const listed = (JSON.parse(sampleBody) as unknown[]).length;

  const baseline = await startServerProcess(
    "bench/static-json-server.ts",
    [String(sampleBody.length)],
    /listening on (\S+)/,
  );
  try {
    const ours = await measureLoad(listUrl, { authorization: `Bearer ${token}` }, DURATION_SECONDS);
    const bare = await measureLoad(baseline.url, {}, DURATION_SECONDS);

    console.info(
      `\nSimulator benchmark (${RUNNERS} runners over 10 sites, list page of ${listed} runners = ${(sampleBody.length / 1024).toFixed(0)} KiB)\n`,
    );
    console.info("| measure | simulator | baseline | ratio |");
    console.info("|---|---|---|---|");
    console.info(
      `| seed ${RUNNERS} runners (in process) | ${seedMs.toFixed(0)} ms | ${bareMs.toFixed(1)} ms (bare objects) | ${ratio(seedMs, bareMs)} |`,
    );
    console.info(`| seed ${RUNNERS} runners (via /__sim/seed) | ${seeded.ms} ms | – | – |`);
    console.info(
      `| list 100 runners, req/s | ${ours.requestsPerSecond.toFixed(0)} | ${bare.requestsPerSecond.toFixed(0)} (static body) | ${ratio(ours.requestsPerSecond, bare.requestsPerSecond)} |`,
    );
    console.info(
      `| list latency p50 / p99 | ${ours.latencyP50Ms} / ${ours.latencyP99Ms} ms | ${bare.latencyP50Ms} / ${bare.latencyP99Ms} ms | – |`,
    );
    console.info(
      `| errors / non-2xx | ${ours.errors} / ${ours.non2xx} | ${bare.errors} / ${bare.non2xx} | – |`,
    );
    const targets = [
      [`list ≥ 5,000 req/s`, ours.requestsPerSecond >= 5_000],
      [`seed ${RUNNERS} < 2 s`, seedMs < 2_000 && seeded.ms < 2_000],
    ] as const;
    console.info(`\n${targets.map(([name, met]) => `${met ? "✓" : "✗"} ${name}`).join("\n")}`);
    if (targets.some(([, met]) => !met) || ours.errors > 0 || ours.non2xx > 0) process.exitCode = 1;
  } finally {
    baseline.child.kill();
  }
} finally {
  sim.child.kill();
}
