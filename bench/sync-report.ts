import { availableParallelism } from "node:os";
import type { SqlCounts } from "./sync-database";
import type { UpstreamCalls } from "./sync-upstream";

/** One approach's pass over every site in one scenario. */
export interface MeasuredPass {
  wallMs: number;
  upstream: UpstreamCalls;
  sql: SqlCounts;
  /** CPU seconds by process: this one (`sync`), PostgreSQL's backends (`PostgreSQL`), `simulator`. */
  cpuSeconds: Record<string, number>;
}

export type ScenarioName = "cold" | "noChange" | "changed";

export interface SyncResults {
  runners: number;
  sites: number;
  sessionsPerRunner: number;
  changedRunners: string[];
  concurrency: number;
  load: { atStart: number; atEnd: number };
  passes: Record<ScenarioName, { engine: MeasuredPass; naive: MeasuredPass }>;
}

export const targets = { coldMs: 10_000, noChangeMs: 1_500, noChangeCalls: 110 };

const scenarioTitles: Record<ScenarioName, string> = {
  cold: "cold full sync",
  noChange: "no-change resync",
  changed: "resync after 1% changed",
};

const int = (value: number) => value.toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const times = (naive: number, engine: number) =>
  engine === 0 ? (naive === 0 ? "=" : "∞") : `${(naive / engine).toFixed(1)}×`;
const mark = (met: boolean) => (met ? "✓" : "✗");
const cpu = (seconds: Record<string, number>) =>
  `${(seconds.sync ?? 0).toFixed(1)} / ${(seconds.PostgreSQL ?? 0).toFixed(1)} / ${(seconds.simulator ?? 0).toFixed(1)} s`;
const cpuTotal = (seconds: Record<string, number>) =>
  Object.values(seconds).reduce((sum, value) => sum + value, 0);
const calls = (upstream: UpstreamCalls) =>
  `${int(upstream.total)} (${int(upstream.runnerLists)} lists, ${int(upstream.sessionLists)} sessions` +
  (upstream.runnerGets ? `, ${int(upstream.runnerGets)} gets` : "") +
  (upstream.failed ? `, ${int(upstream.failed)} failed` : "") +
  ")";

/**
 * What the measures say about the targets. The times depend on the machine and what else runs on
 * it; the rest (rows written, calls made, sessions read) are exact, whatever the machine.
 */
export function targetsMet(results: SyncResults) {
  const { cold, noChange, changed } = results.passes;
  const changedIds = new Set(results.changedRunners);
  const readFor = changed.engine.upstream.sessionRunners;
  return {
    coldTime: cold.engine.wallMs <= targets.coldMs,
    noChangeTime: noChange.engine.wallMs <= targets.noChangeMs,
    noChangeQuiet:
      noChange.engine.sql.rowsWritten === 0 && noChange.engine.upstream.total <= targets.noChangeCalls,
    changedSessionsOnly:
      changed.engine.upstream.sessionLists === changedIds.size &&
      readFor.size === changedIds.size &&
      [...readFor].every((id) => changedIds.has(id)),
  };
}

export function printReport(results: SyncResults): void {
  const { passes } = results;
  console.info(
    `\nSync benchmark: ${int(results.runners)} runners over ${results.sites} sites, ${results.sessionsPerRunner} sessions each; ` +
      `PostgreSQL, simulator in its own process at speed 0; sites one after another, ${results.concurrency} session lists at a time; ` +
      `${availableParallelism()} cores, load ${results.load.atStart.toFixed(1)} at start and ${results.load.atEnd.toFixed(1)} at end\n`,
  );
  console.info("| scenario | measure | engine (reconcileSite) | naive baseline | naive ÷ engine |");
  console.info("|---|---|---|---|---|");
  for (const name of ["cold", "noChange", "changed"] as const) {
    const { engine, naive } = passes[name];
    const rows: Array<[string, string, string, string]> = [
      ["wall time", seconds(engine.wallMs), seconds(naive.wallMs), times(naive.wallMs, engine.wallMs)],
      [
        "upstream calls",
        calls(engine.upstream),
        calls(naive.upstream),
        times(naive.upstream.total, engine.upstream.total),
      ],
      [
        "SQL statements",
        int(engine.sql.statements),
        int(naive.sql.statements),
        times(naive.sql.statements, engine.sql.statements),
      ],
      [
        "rows written",
        int(engine.sql.rowsWritten),
        int(naive.sql.rowsWritten),
        times(naive.sql.rowsWritten, engine.sql.rowsWritten),
      ],
      [
        "CPU: sync / PostgreSQL / simulator",
        cpu(engine.cpuSeconds),
        cpu(naive.cpuSeconds),
        times(cpuTotal(naive.cpuSeconds), cpuTotal(engine.cpuSeconds)),
      ],
    ];
    rows.forEach(([measure, ours, theirs, ratio], index) => {
      console.info(
        `| ${index === 0 ? scenarioTitles[name] : ""} | ${measure} | ${ours} | ${theirs} | ${ratio} |`,
      );
    });
  }

  const met = targetsMet(results);
  const { cold, noChange, changed } = passes;
  console.info(
    [
      "",
      `${mark(met.coldTime)} cold ≤ ${seconds(targets.coldMs)}: ${seconds(cold.engine.wallMs)}`,
      `${mark(met.noChangeTime && met.noChangeQuiet)} no-change ≤ ${seconds(targets.noChangeMs)} with 0 rows written and ≤ ${targets.noChangeCalls} upstream calls: ` +
        `${seconds(noChange.engine.wallMs)}, ${int(noChange.engine.sql.rowsWritten)} rows, ${int(noChange.engine.upstream.total)} calls`,
      `${mark(met.changedSessionsOnly)} 1% changed reads sessions of those ${results.changedRunners.length} runners only: ` +
        `${int(changed.engine.upstream.sessionLists)} session lists for ${int(changed.engine.upstream.sessionRunners.size)} runners`,
    ].join("\n"),
  );
  const json = Object.fromEntries(
    Object.entries(passes).map(([name, pair]) => [
      name,
      Object.fromEntries(
        Object.entries(pair).map(([approach, pass]) => [
          approach,
          {
            wallMs: Math.round(pass.wallMs),
            upstreamCalls: pass.upstream.total,
            sessionLists: pass.upstream.sessionLists,
            sqlStatements: pass.sql.statements,
            rowsWritten: pass.sql.rowsWritten,
            cpuMs: Object.fromEntries(
              Object.entries(pass.cpuSeconds).map(([process, seconds]) => [
                process,
                Math.round(seconds * 1000),
              ]),
            ),
          },
        ]),
      ),
    ]),
  );
  console.info(
    `\n${JSON.stringify({ bench: "sync", runners: results.runners, sites: results.sites, ...json, targetsMet: met })}`,
  );
}
