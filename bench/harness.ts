import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import type { ProcessGroups } from "./process-groups";

/** Starts a bench server script (via tsx) in its own process and resolves once it prints its URL. */
export function startServerProcess(
  script: string,
  args: string[],
  ready: RegExp,
): Promise<{ url: string; child: ChildProcess }> {
  const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
  const child = spawn(tsx, [script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match?.[1]) resolve({ url: match[1], child });
    });
    child.on("exit", (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = address && typeof address === "object" ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the app's health check answers; rejects when its process (`name` in `processes`) exits first. */
export async function waitForHealth(
  processes: ProcessGroups,
  name: string,
  child: ChildProcess,
  appUrl: string,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${name} exited before it was ready:\n${processes.tail(name)}`);
    const healthy = await fetch(`${appUrl}/api/health`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (healthy) return;
    await sleep(250);
  }
  throw new Error(`${name} was not healthy within 120 s:\n${processes.tail(name)}`);
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
}

export async function measureLoad(
  url: string,
  headers: Record<string, string>,
  durationSeconds: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    headers,
    connections: 32,
    pipelining: 1,
    duration: durationSeconds,
  });
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export const ratio = (ours: number, baseline: number) =>
  baseline === 0 ? "n/a" : `${(ours / baseline).toFixed(2)}×`;
