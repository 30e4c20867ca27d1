import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/*
 * Linux only (/proc): which process serves a port, and its resident memory. The launcher of
 * `npm start` is several processes deep (npm, sh, tsx, node, then Next.js), so the server is
 * found by the socket it listens on rather than by its place in the tree.
 */

const LISTEN = "0A";

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let rows: string[];
    try {
      rows = readFileSync(table, "utf8").trim().split("\n").slice(1);
    } catch {
      continue;
    }
    for (const row of rows) {
      const fields = row.trim().split(/\s+/);
      const localPort = Number.parseInt(fields[1]?.split(":")[1] ?? "", 16);
      if (localPort === port && fields[3] === LISTEN && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** The pid of the process holding the listening socket of `port`, if any. */
export function pidListeningOn(port: number): number | undefined {
  const sockets = new Set([...listeningInodes(port)].map((inode) => `socket:[${inode}]`));
  if (sockets.size === 0) return undefined;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (sockets.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) return Number(entry);
      } catch {
        // The fd closed while we looked.
      }
    }
  }
  return undefined;
}

/** VmRSS of a process, in bytes. */
export function rssBytes(pid: number): number {
  const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (kib === undefined) throw new Error(`process ${pid} reports no VmRSS`);
  return Number(kib) * 1024;
}

export interface RssSamples {
  /** The highest reading before `start()`: a reading just after a collection would flatter the rise. */
  beforeBytes: number;
  peakBytes: number;
  afterBytes: number;
  samples: number;
}

/**
 * Samples a process's RSS every `everyMs` from now on: `start()` marks where the work to judge
 * begins (what came before is its baseline), `stop()` ends the sampling.
 */
export function sampleRss(pid: number, everyMs = 10) {
  let peakBytes = rssBytes(pid);
  let beforeBytes: number | undefined;
  let samples = 1;
  const timer = setInterval(() => {
    peakBytes = Math.max(peakBytes, rssBytes(pid));
    samples++;
  }, everyMs);
  return {
    start() {
      beforeBytes = Math.max(peakBytes, rssBytes(pid));
      peakBytes = beforeBytes;
    },
    stop(): RssSamples {
      clearInterval(timer);
      const afterBytes = rssBytes(pid);
      const before = beforeBytes ?? peakBytes;
      return {
        beforeBytes: before,
        peakBytes: Math.max(peakBytes, afterBytes),
        afterBytes,
        samples: samples + 1,
      };
    },
  };
}
