import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/*
 * CPU time by process, from /proc (Linux only): which process a request's time is spent in.
 * On a small machine where the load generator, the proxy, the upstream and the database share
 * the cores, the latency under load is mostly queueing for CPU, so CPU per request is what
 * tells where to look.
 */

const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** utime + stime of a process in seconds, or 0 when it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: count fields after its end.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/** Every process whose command line matches, e.g. PostgreSQL's backends for one database. */
export function pidsMatching(pattern: RegExp): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return pattern.test(readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " "));
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Which processes to meter: a name and how to find its pids when the meter starts. */
export type MeteredProcesses = Record<string, () => number[]>;

/**
 * Runs `work` and answers the CPU seconds each group of processes spent meanwhile, the load
 * generator (this process) included. Processes are looked up again at the end, so one started
 * meanwhile (a new database connection) counts in full; one that ended meanwhile is left out.
 */
export async function meterCpu<T>(
  processes: MeteredProcesses,
  work: () => Promise<T>,
): Promise<{ result: T; cpuSeconds: Record<string, number> }> {
  const reading = () =>
    Object.entries(processes).map(
      ([name, find]) => [name, new Map(find().map((pid) => [pid, cpuSeconds(pid)]))] as const,
    );
  const before = new Map(reading());
  const selfBefore = process.cpuUsage();
  const result = await work();
  const self = process.cpuUsage(selfBefore);
  const cpu: Record<string, number> = {};
  for (const [name, after] of reading()) {
    const start = before.get(name);
    cpu[name] = [...after].reduce(
      (sum, [pid, seconds]) => sum + Math.max(0, seconds - (start?.get(pid) ?? 0)),
      0,
    );
  }
  cpu["load generator"] = (self.user + self.system) / 1e6;
  return { result, cpuSeconds: cpu };
}
