import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import autocannon from "autocannon";

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
