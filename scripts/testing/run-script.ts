import { type ChildProcessByStdio, spawn } from "node:child_process";
import { join } from "node:path";
import type { Readable } from "node:stream";

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");

/**
 * Starts `tsx <args>` as package.json does: with React's `react-server` condition, under which
 * `server-only` is an empty module (its default export throws).
 */
export function spawnScript(
  args: string[],
  env?: NodeJS.ProcessEnv,
): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(tsx, ["--conditions=react-server", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * Runs one of `scripts/` as an operator would, with exactly the given environment (plus PATH
 * and HOME), so nothing from the test runner's own environment leaks in.
 */
export function runScript(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const childEnv: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    };
    // Next.js declares NODE_ENV as always present; a script under test must be free to go without it.
    const child = spawnScript(args, childEnv as NodeJS.ProcessEnv);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
