import { ratio } from "./harness";
import type { LoadRun, Percentiles } from "./load";
import type { BuildOutcome } from "./production-build";
import type { DiffStreams, LoadSettings, MeasuredRun, ServerTimings, UpstreamCalls } from "./proxy-measures";

type ItemRuns = {
  direct: MeasuredRun;
  passThrough: MeasuredRun;
  switchyard: MeasuredRun;
  noKey: MeasuredRun;
};

export interface ProxyResults {
  settings: LoadSettings;
  build: BuildOutcome;
  machine: { loadAtStart: number; loadAtEnd: number; cores: number };
  item: ItemRuns;
  oneConnection: ItemRuns;
  timings: { loaded: ServerTimings; oneConnection: ServerTimings };
  counted: { answers: number; calls: UpstreamCalls };
  /** One run alternating an unknown key (401) and a revoked one (403) on every connection. */
  auth: { loaded: MeasuredRun; oneConnection: MeasuredRun; calls: UpstreamCalls };
  diff: DiffStreams;
}

export const targets = { addedP50Ms: 2, addedP99Ms: 10, upstreamPerCall: 1, rssRiseMb: 30 };

const MB = 1_000_000;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const signedMs = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(2)} ms`;
const mb = (bytes: number) => `${bytes < 0 ? "" : "+"}${(bytes / MB).toFixed(1)} MB`;
const size = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const mark = (met: boolean) => (met ? "✓" : "✗");

const answers = (run: LoadRun) =>
  Object.entries(run.statuses)
    .map(([status, count]) => `${count}×${status}`)
    .join(" ") + (run.errors ? `, ${run.errors} errors` : "");
const calls = (counted: UpstreamCalls) =>
  Object.entries(counted.byCall)
    .map(([call, count]) => `${count}× ${call}`)
    .join(", ") || "none";
const rssRise = (download: DiffStreams["fast"]) => download.peakBytes - download.beforeBytes;

/** What was measured against the targets; a miss is reported, never fatal. */
export function targetsMet(results: ProxyResults) {
  const { item, counted, diff, auth } = results;
  const addedP50 = item.switchyard.p50Ms - item.passThrough.p50Ms;
  const addedP99 = item.switchyard.p99Ms - item.passThrough.p99Ms;
  const streamed = (download: DiffStreams["fast"]) =>
    rssRise(download) < targets.rssRiseMb * MB && download.bytes === diff.servedBytes;
  return {
    addedP50: addedP50 <= targets.addedP50Ms,
    addedP99: addedP99 <= targets.addedP99Ms,
    upstreamPerCall: counted.calls.total === counted.answers * targets.upstreamPerCall,
    diffRss: streamed(diff.fast) && streamed(diff.slow),
    authWithoutUpstream: auth.calls.total === 0,
  };
}

function printPaths(results: ProxyResults): void {
  const { item, oneConnection, settings } = results;
  const row = (name: string, run: LoadRun) =>
    console.info(
      `| ${name} | ${run.requestsPerSecond.toFixed(0)} | ${ms(run.p50Ms)} | ${ms(run.p99Ms)} | ${answers(run)} |`,
    );
  const over = (name: string, runs: ItemRuns) =>
    console.info(
      `| ${name} | ${ratio(runs.switchyard.requestsPerSecond, runs.passThrough.requestsPerSecond)} | ` +
        `${signedMs(runs.switchyard.p50Ms - runs.passThrough.p50Ms)} (${ratio(runs.switchyard.p50Ms, runs.passThrough.p50Ms)}) | ` +
        `${signedMs(runs.switchyard.p99Ms - runs.passThrough.p99Ms)} (${ratio(runs.switchyard.p99Ms, runs.passThrough.p99Ms)}) | – |`,
    );
  console.info("| GET /agent_runners/{id} | req/s | p50 | p99 | answers |");
  console.info("|---|---|---|---|---|");
  row(`(a) simulator, direct, ${settings.connections} connections`, item.direct);
  row("(b) pass-through proxy", item.passThrough);
  row("(c) Switchyard /api/proxy, runner cached", item.switchyard);
  over("(c) over (b)", item);
  row("Switchyard without a key (401 before any query)", item.noKey);
  row("(a) at 1 connection", oneConnection.direct);
  row("(b) at 1 connection", oneConnection.passThrough);
  row("(c) at 1 connection", oneConnection.switchyard);
  over("(c) over (b) at 1 connection", oneConnection);
  row("without a key at 1 connection", oneConnection.noKey);
}

/** Where each answer's CPU went, by process: under load the latency is mostly waiting for a core. */
function printCpu(results: ProxyResults): void {
  const { item, auth, settings } = results;
  const rows: Array<[string, MeasuredRun]> = [
    ["(a) simulator, direct", item.direct],
    ["(b) pass-through proxy", item.passThrough],
    ["(c) Switchyard", item.switchyard],
    ["Switchyard without a key", item.noKey],
    ["Switchyard, unknown and revoked keys", auth.loaded],
  ];
  const names = [...new Set(rows.flatMap(([, run]) => Object.keys(run.cpuMsPerAnswer ?? {})))];
  console.info(`| CPU ms per answer, ${settings.connections} connections | ${names.join(" | ")} | all |`);
  console.info(`|---|${names.map(() => "---|").join("")}---|`);
  for (const [name, run] of rows) {
    const cpu = run.cpuMsPerAnswer ?? {};
    const all = Object.values(cpu).reduce((sum, value) => sum + value, 0);
    console.info(
      `| ${name} | ${names.map((process) => (cpu[process] ?? 0).toFixed(3)).join(" | ")} | ${all.toFixed(3)} |`,
    );
  }
}

function printMeasures(results: ProxyResults): void {
  const { item, timings, counted, diff, auth, settings } = results;
  const met = targetsMet(results);
  const timing = (name: string, t: ServerTimings) =>
    console.info(
      `| Server-Timing of (c), ${name}, p50 / p99 | auth ${ms(t.authP50Ms)} / ${ms(t.authP99Ms)}; upstream ${ms(t.upstreamP50Ms)} / ${ms(t.upstreamP99Ms)}; ` +
        `whole call as the client saw it ${ms(t.run.p50Ms)} / ${ms(t.run.p99Ms)} | – |`,
    );
  const proxied = (name: string, download: DiffStreams["fast"]) =>
    console.info(
      `| ${size(diff.servedBytes)} diff through Switchyard, ${name} | ${size(download.bytes)} received (status ${download.status}) in ${download.seconds.toFixed(2)} s; ` +
        `RSS ${size(download.beforeBytes)} → peak ${size(download.peakBytes)}: ${mb(rssRise(download))} (${download.samples} samples) | ` +
        `rise < ${targets.rssRiseMb} MB ${mark(rssRise(download) < targets.rssRiseMb * MB && download.bytes === diff.servedBytes)} |`,
    );
  console.info("| measure | result | target |");
  console.info("|---|---|---|");
  console.info(
    `| added latency of (c) over (b), p50 | ${signedMs(item.switchyard.p50Ms - item.passThrough.p50Ms)} | ≤ ${targets.addedP50Ms} ms ${mark(met.addedP50)} |`,
  );
  console.info(
    `| added latency of (c) over (b), p99 | ${signedMs(item.switchyard.p99Ms - item.passThrough.p99Ms)} | ≤ ${targets.addedP99Ms} ms ${mark(met.addedP99)} |`,
  );
  console.info(
    `| upstream calls per cached item GET | ${(counted.calls.total / counted.answers).toFixed(2)} (${counted.calls.total} calls for ${counted.answers} answers of 200: ${calls(counted.calls)}) | 1.00 ${mark(met.upstreamPerCall)} |`,
  );
  timing(`${settings.connections} connections`, timings.loaded);
  timing("1 connection", timings.oneConnection);
  proxied("client as fast as it can", diff.fast);
  proxied(`client reading ${size(diff.slowBytesPerSecond)}/s`, diff.slow);
  console.info(
    `| ${size(diff.servedBytes)} diff straight from the simulator | ${size(diff.direct.bytes)} received (status ${diff.direct.status}) in ${diff.direct.seconds.toFixed(2)} s | – |`,
  );
  const keys = (name: string, run: LoadRun) => {
    const [unknown, revoked] = [run.byStatus[401], run.byStatus[403]];
    const shown = (keyed: Percentiles | undefined) =>
      keyed ? `${ms(keyed.p50Ms)} / ${ms(keyed.p99Ms)} (${keyed.count})` : "no answers";
    console.info(
      `| unknown key (401) vs revoked key (403), ${name}, p50 / p99 | ${shown(unknown)} vs ${shown(revoked)}: ` +
        `unknown ÷ revoked p50 ${ratio(unknown?.p50Ms ?? 0, revoked?.p50Ms ?? 0)}, p99 ${ratio(unknown?.p99Ms ?? 0, revoked?.p99Ms ?? 0)} | alike |`,
    );
  };
  keys(`alternating on ${settings.connections} connections`, auth.loaded);
  keys("alternating on 1 connection", auth.oneConnection);
  console.info(
    `| upstream calls while refusing those keys | ${calls(auth.calls)} | none ${mark(met.authWithoutUpstream)} |`,
  );
  console.info(
    `\nRSS is of pid ${diff.server.pid} (${diff.server.title}), the process listening on Switchyard's port.`,
  );
}

/** The tables, then the same numbers as one JSON line. */
export function printReport(results: ProxyResults): void {
  const { build, machine, settings } = results;
  const built =
    build.state === "built"
      ? `built for this run (${build.detail}) in ${build.seconds?.toFixed(0)} s`
      : `reused (${build.detail})`;
  console.info(
    `\nProxy benchmark: autocannon, ${settings.connections} connections, ${settings.seconds} s per path after ${settings.warmUpSeconds} s warm-up; ` +
      `npm start in live mode on PostgreSQL, the simulator as Netlify; production build ${built}; ` +
      `load average ${machine.loadAtStart.toFixed(1)} at start, ${machine.loadAtEnd.toFixed(1)} at the end, ${machine.cores} cores\n`,
  );
  printPaths(results);
  console.info("");
  printCpu(results);
  console.info("");
  printMeasures(results);

  const summary = (run: MeasuredRun) => ({
    rps: Math.round(run.requestsPerSecond),
    p50_ms: Number(run.p50Ms.toFixed(3)),
    p99_ms: Number(run.p99Ms.toFixed(3)),
    ...(run.cpuMsPerAnswer
      ? {
          cpu_ms_per_answer: Object.fromEntries(
            Object.entries(run.cpuMsPerAnswer).map(([name, cpu]) => [name, Number(cpu.toFixed(3))]),
          ),
        }
      : {}),
  });
  const runs = (set: ItemRuns) => ({
    direct: summary(set.direct),
    pass_through: summary(set.passThrough),
    switchyard: summary(set.switchyard),
    no_key: summary(set.noKey),
  });
  const timing = (t: ServerTimings) => ({
    auth_p50_ms: t.authP50Ms,
    auth_p99_ms: t.authP99Ms,
    upstream_p50_ms: t.upstreamP50Ms,
    upstream_p99_ms: t.upstreamP99Ms,
    client_p50_ms: Number(t.run.p50Ms.toFixed(3)),
    client_p99_ms: Number(t.run.p99Ms.toFixed(3)),
  });
  const proxied = (download: DiffStreams["fast"]) => ({
    bytes: download.bytes,
    seconds: Number(download.seconds.toFixed(3)),
    rss_before_bytes: download.beforeBytes,
    rss_peak_bytes: download.peakBytes,
    rss_rise_bytes: rssRise(download),
  });
  const { item, oneConnection, timings, counted, diff, auth } = results;
  console.info(
    `\n${JSON.stringify({
      bench: "proxy",
      connections: settings.connections,
      seconds: settings.seconds,
      load_average: [machine.loadAtStart, machine.loadAtEnd].map((load) => Number(load.toFixed(2))),
      build:
        build.state === "built"
          ? { built_seconds: Number(build.seconds?.toFixed(1)) }
          : { reused: build.detail },
      item: runs(item),
      one_connection: runs(oneConnection),
      added_p50_ms: Number((item.switchyard.p50Ms - item.passThrough.p50Ms).toFixed(3)),
      added_p99_ms: Number((item.switchyard.p99Ms - item.passThrough.p99Ms).toFixed(3)),
      server_timing: { loaded: timing(timings.loaded), one_connection: timing(timings.oneConnection) },
      upstream_calls_per_request: counted.calls.total / counted.answers,
      diff: {
        served_bytes: diff.servedBytes,
        direct_seconds: Number(diff.direct.seconds.toFixed(3)),
        fast: proxied(diff.fast),
        slow: { ...proxied(diff.slow), client_bytes_per_second: diff.slowBytesPerSecond },
      },
      auth_failure: {
        loaded: { unknown: auth.loaded.byStatus[401], revoked: auth.loaded.byStatus[403] },
        one_connection: {
          unknown: auth.oneConnection.byStatus[401],
          revoked: auth.oneConnection.byStatus[403],
        },
        cpu_ms_per_answer: summary(auth.loaded).cpu_ms_per_answer,
        upstream_calls: auth.calls.total,
      },
      targets_met: targetsMet(results),
    })}`,
  );
}
