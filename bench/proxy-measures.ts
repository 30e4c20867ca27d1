import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { download } from "./download";
import { type LoadRun, percentile, runLoad } from "./load";
import { type MeteredProcesses, meterCpu, pidsMatching } from "./process-cpu";
import { pidListeningOn, type RssSamples, sampleRss } from "./process-memory";
import type { ProxyStack } from "./proxy-stack";

export interface LoadSettings {
  connections: number;
  seconds: number;
  warmUpSeconds: number;
}

type Target = {
  url: string;
  headers: Record<string, string>;
  alternateHeaders?: Array<Record<string, string>>;
};

/** The item GET each way: (a) straight to the simulator, (b) through the pass-through, (c) Switchyard. */
export function itemTargets(stack: ProxyStack) {
  const item = `/agent_runners/${stack.runnerId}`;
  const proxied = `${stack.appUrl}/api/proxy${item}`;
  return {
    direct: { url: `${stack.apiUrl}${item}`, headers: { authorization: `Bearer ${stack.simToken}` } },
    passThrough: { url: `${stack.passThroughUrl}${item}`, headers: {} },
    switchyard: { url: proxied, headers: { authorization: `Bearer ${stack.keys.valid}` } },
    // Refused before any lookup: what Next.js and the route's wrapper cost with no query and no forwarding.
    noKey: { url: proxied, headers: {} },
    // Both in one run, each connection alternating: the two meet the same machine at the same time.
    unknownAndRevokedKey: {
      url: proxied,
      headers: {},
      alternateHeaders: [
        { authorization: `Bearer ${stack.keys.unknown}` },
        { authorization: `Bearer ${stack.keys.revoked}` },
      ],
    },
  } satisfies Record<string, Target>;
}

export type MeasuredRun = LoadRun & {
  /** CPU milliseconds per answer spent in each metered process during the measured run. */
  cpuMsPerAnswer?: Record<string, number>;
};

/** The processes whose CPU is metered: Switchyard's server, its database's backends, the upstreams. */
export function meteredProcesses(stack: ProxyStack, databaseName: string): MeteredProcesses {
  const listening = (url: string) => () => {
    const pid = pidListeningOn(Number(new URL(url).port));
    return pid === undefined ? [] : [pid];
  };
  return {
    Switchyard: listening(stack.appUrl),
    PostgreSQL: () => pidsMatching(new RegExp(`^postgres: .* ${databaseName} `)),
    simulator: listening(stack.apiUrl),
    "pass-through": listening(stack.passThroughUrl),
  };
}

/** A warm-up, then the measured run, metering the CPU of `metered` processes when given. */
export async function measure(
  target: Target,
  settings: LoadSettings,
  metered?: MeteredProcesses,
): Promise<MeasuredRun> {
  const { connections, seconds, warmUpSeconds } = settings;
  const { url, headers, alternateHeaders } = target;
  await runLoad(url, headers, { connections, seconds: warmUpSeconds, alternateHeaders });
  const measured = () => runLoad(url, headers, { connections, seconds, alternateHeaders });
  if (!metered) return measured();
  const { result, cpuSeconds } = await meterCpu(metered, measured);
  const perAnswer = (seconds: number) => (seconds * 1000) / Math.max(1, result.requests);
  return {
    ...result,
    cpuMsPerAnswer: Object.fromEntries(
      Object.entries(cpuSeconds).map(([name, seconds]) => [name, perAnswer(seconds)]),
    ),
  };
}

/** The first call misses the runner cache (one more upstream GET) and caches the runner once answered. */
export async function cacheRunner(target: Target): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const answer = await fetch(target.url, { headers: target.headers });
    if (answer.status !== 200) throw new Error(`${target.url}: ${answer.status} ${await answer.text()}`);
    await answer.arrayBuffer();
    await sleep(500);
  }
}

export interface ServerTimings {
  run: LoadRun;
  authP50Ms: number;
  authP99Ms: number;
  upstreamP50Ms: number;
  upstreamP99Ms: number;
}

/** Switchyard's own account of each call: `Server-Timing: auth;dur=…, upstream;dur=…`. */
export async function serverTimings(
  target: Target,
  connections: number,
  seconds: number,
): Promise<ServerTimings> {
  const auth: number[] = [];
  const upstream: number[] = [];
  const run = await runLoad(target.url, target.headers, {
    connections,
    seconds,
    onHeaders: (answer) => {
      const timing = String(
        Object.entries(answer).find(([name]) => name.toLowerCase() === "server-timing")?.[1] ?? "",
      );
      const authMs = /auth;dur=([\d.]+)/.exec(timing)?.[1];
      const upstreamMs = /upstream;dur=([\d.]+)/.exec(timing)?.[1];
      if (authMs) auth.push(Number(authMs));
      if (upstreamMs) upstream.push(Number(upstreamMs));
    },
  });
  const authSorted = Float64Array.from(auth).sort();
  const upstreamSorted = Float64Array.from(upstream).sort();
  return {
    run,
    authP50Ms: percentile(authSorted, 0.5),
    authP99Ms: percentile(authSorted, 0.99),
    upstreamP50Ms: percentile(upstreamSorted, 0.5),
    upstreamP99Ms: percentile(upstreamSorted, 0.99),
  };
}

export async function simControl(stack: ProxyStack, method: string, path: string, body?: unknown) {
  const answer = await fetch(`${stack.simOrigin}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
  return (answer.status === 204 ? undefined : await answer.json()) as unknown;
}

export interface UpstreamCalls {
  total: number;
  byCall: Record<string, number>;
}

/**
 * Runs `work` and counts the upstream API calls it caused, from the simulator's request log. The
 * log is cleared a second after the previous run: calls autocannon leaves in flight when it stops
 * still reach the upstream for a moment.
 */
export async function countUpstreamCalls<T>(
  stack: ProxyStack,
  work: () => Promise<T>,
): Promise<{ result: T; calls: UpstreamCalls }> {
  await sleep(1_000);
  await simControl(stack, "DELETE", "/__sim/requests");
  const result = await work();
  await sleep(500);
  const log = (await simControl(stack, "GET", "/__sim/requests")) as Array<{ method: string; path: string }>;
  const byCall: Record<string, number> = {};
  for (const entry of log.filter((candidate) => candidate.path.startsWith("/api/v1/"))) {
    const call = `${entry.method} ${entry.path.replace(stack.runnerId, "{id}")}`;
    byCall[call] = (byCall[call] ?? 0) + 1;
  }
  const total = Object.values(byCall).reduce((sum, count) => sum + count, 0);
  return { result, calls: { total, byCall } };
}

export interface DiffStreams {
  servedBytes: number;
  direct: Awaited<ReturnType<typeof download>>;
  server: { pid: number; title: string };
  /** Through Switchyard with a client reading at `slowBytesPerSecond`, then as fast as it can. */
  fast: ProxiedDownload;
  slow: ProxiedDownload;
  slowBytesPerSecond: number;
}

type ProxiedDownload = Awaited<ReturnType<typeof download>> & RssSamples;

/**
 * A diff of `bytes` for the runner, read straight from the simulator (the baseline) and through
 * Switchyard while the RSS of the process serving Switchyard's port is sampled: once by a client
 * slower than the upstream (the proxy must hold the upstream back, not buffer it), once as fast
 * as the client can read.
 */
export async function streamDiffs(
  stack: ProxyStack,
  bytes: number,
  slowBytesPerSecond: number,
): Promise<DiffStreams> {
  const setDiff = async (size: number) =>
    (await simControl(stack, "POST", `/__sim/runners/${stack.runnerId}/diff`, { bytes: size })) as {
      bytes: number;
    };
  const directUrl = `${stack.apiUrl}/agent_runners/${stack.runnerId}/diff`;
  const proxiedUrl = `${stack.appUrl}/api/proxy/agent_runners/${stack.runnerId}/diff`;
  // A 1 MB diff first: code the diff path runs for the first time is no part of streaming a big
  // one, and so small a warm-up leaves the heap as it was for the measured downloads.
  await setDiff(1_000_000);
  await download(proxiedUrl, stack.keys.valid);
  const set = await setDiff(bytes);
  // The simulator renders the diff on its first GET and serves it from its cache after: no
  // measured download pays for that.
  await download(directUrl, stack.simToken);
  const direct = await download(directUrl, stack.simToken);
  const pid = pidListeningOn(stack.appPort);
  if (pid === undefined) throw new Error(`no process listens on port ${stack.appPort}`);
  const title = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] ?? "";
  const sampled = async (bytesPerSecond?: number): Promise<ProxiedDownload> => {
    const sampler = sampleRss(pid);
    await sleep(500);
    sampler.start();
    const received = await download(proxiedUrl, stack.keys.valid, bytesPerSecond);
    return { ...received, ...sampler.stop() };
  };
  // The slow client first: the fast one grows the heap, which would then hide the slow one's rise.
  const slow = await sampled(slowBytesPerSecond);
  const fast = await sampled();
  return { servedBytes: set.bytes, direct, server: { pid, title }, fast, slow, slowBytesPerSecond };
}
