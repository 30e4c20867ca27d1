import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * The processes a benchmark starts, each the leader of its own process group: stopping one stops
 * whatever it spawned as well (npm → sh → tsx → node → Next.js), and a benchmark that dies
 * without reaching its `finally` still takes them down on exit. Output goes to one log file per
 * process, so a chatty server never waits on the benchmark to read its pipe.
 */
export class ProcessGroups {
  private readonly running = new Set<ChildProcess>();

  constructor(readonly logDir: string) {
    process.on("exit", () => {
      for (const child of this.running) signalGroup(child, "SIGKILL");
    });
  }

  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
    const log = openSync(this.logPath(name), "a");
    const child = spawn(command, args, { env, detached: true, stdio: ["ignore", log, log] });
    closeSync(log);
    this.running.add(child);
    return child;
  }

  /** Runs a command to its end; resolves with its exit code and stdout (stderr goes to its log). */
  async run(
    name: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    timeoutMs: number,
  ): Promise<{ code: number; stdout: string }> {
    const log = openSync(this.logPath(name), "w");
    const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", log] });
    closeSync(log);
    this.running.add(child);
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const timer = setTimeout(() => signalGroup(child, "SIGKILL"), timeoutMs);
    const code = await new Promise<number>((resolve) => child.on("close", (exit) => resolve(exit ?? 1)));
    clearTimeout(timer);
    this.running.delete(child);
    return { code, stdout };
  }

  logPath(name: string): string {
    return join(this.logDir, `${name}.log`);
  }

  /** The last lines a process wrote, for the error report of a failed run. */
  tail(name: string, lines = 20): string {
    try {
      return readFileSync(this.logPath(name), "utf8").trimEnd().split("\n").slice(-lines).join("\n");
    } catch {
      return "(no output)";
    }
  }

  /** Resolves with the first match of `pattern` in the process's output; rejects if it exits first. */
  async waitForOutput(
    name: string,
    child: ChildProcess,
    pattern: RegExp,
    timeoutMs: number,
  ): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = pattern.exec(this.tail(name, 200));
      if (match) return match;
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${name} exited before it was ready:\n${this.tail(name)}`);
      await sleep(100);
    }
    throw new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${this.tail(name)}`);
  }

  /** SIGTERM to each group, SIGKILL to what is left after five seconds. */
  async stopAll(): Promise<void> {
    const children = [...this.running];
    for (const child of children) signalGroup(child, "SIGTERM");
    const deadline = Date.now() + 5_000;
    while (children.some(groupAlive) && Date.now() < deadline) await sleep(100);
    for (const child of children) signalGroup(child, "SIGKILL");
    this.running.clear();
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the whole group is gone already.
  }
}

function groupAlive(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}
