import { availableParallelism } from "node:os";
import { type BoardColumn, boardColumns, columnTitle } from "@/lib/runners/board";
import type { ScrollResult } from "./board-measures";
import type { ColumnCounts } from "./board-seed";
import { ratio } from "./harness";
import type { BuildOutcome } from "./production-build";

/** What one build measured. */
export interface VariantResults {
  renderedMs: number[];
  /** From the menu item's click to the card in the Cancelled column's part of the document. */
  moveMs: number[];
  /** The same, to the frame that shows it painted. */
  movePaintedMs: number[];
  board: { bytes: number; gzipBytes: number };
  scroll: ScrollResult;
  /** Cards in the document once the board is loaded: in the long column, and on the board. */
  inDocument: { column: number; board: number };
}

export interface BoardResults {
  total: number;
  column: BoardColumn;
  columns: ColumnCounts;
  builds: { ours: BuildOutcome; baseline: BuildOutcome };
  load: { atStart: number; atEnd: number };
  ours: VariantResults;
  baseline: VariantResults;
}

export const targets = { renderedMs: 1_500, moveMs: 100, longTaskMs: 50 };

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const int = (value: number) => Math.round(value).toLocaleString("en-US");
const ms = (value: number) => `${int(value)} ms`;
const mark = (met: boolean) => (met ? "✓" : "✗");
const longest = (scroll: ScrollResult) => Math.max(0, ...scroll.longTasks);
const overTarget = (scroll: ScrollResult) =>
  scroll.longTasks.filter((task) => task > targets.longTaskMs).length;
const build = (outcome: BuildOutcome) =>
  outcome.state === "built" ? `built (${outcome.detail}, ${outcome.seconds?.toFixed(0)} s)` : outcome.detail;

/** The targets are times, so they are reported and never fail the run. */
export function targetsMet(results: BoardResults) {
  return {
    rendered: median(results.ours.renderedMs) <= targets.renderedMs,
    move: median(results.ours.moveMs) <= targets.moveMs,
    scroll: overTarget(results.ours.scroll) === 0,
  };
}

export function printReport(results: BoardResults): void {
  const { ours, baseline } = results;
  const title = columnTitle(results.column);
  const spread = boardColumns
    .filter(({ id }) => results.columns[id] > 0)
    .map(({ id, title: name }) => `${name} ${int(results.columns[id])}`)
    .join(", ");
  console.info(
    `\nBoard benchmark: ${int(results.total)} runners on the demo's sites (${spread}); production builds ` +
      `(ours: ${build(results.builds.ours)}; baseline: ${build(results.builds.baseline)}), one database and one simulator; ` +
      `Chromium 1600×1000; ${availableParallelism()} cores, load ${results.load.atStart.toFixed(1)} at start and ${results.load.atEnd.toFixed(1)} at end\n`,
  );
  const rows: Array<[string, string, string, string]> = [
    [
      `rendered: navigation → first card of each column painted (median of ${ours.renderedMs.length} loads)`,
      ms(median(ours.renderedMs)),
      ms(median(baseline.renderedMs)),
      ratio(median(baseline.renderedMs), median(ours.renderedMs)),
    ],
    [
      `drop → card in the Cancelled column, "Move to…" menu (median of ${ours.moveMs.length})`,
      ms(median(ours.moveMs)),
      ms(median(baseline.moveMs)),
      ratio(median(baseline.moveMs), median(ours.moveMs)),
    ],
    [
      "drop → card painted there",
      ms(median(ours.movePaintedMs)),
      ms(median(baseline.movePaintedMs)),
      ratio(median(baseline.movePaintedMs), median(ours.movePaintedMs)),
    ],
    [
      "GET /api/board: bytes (gzip)",
      `${int(ours.board.bytes)} (${int(ours.board.gzipBytes)})`,
      `${int(baseline.board.bytes)} (${int(baseline.board.gzipBytes)})`,
      ratio(baseline.board.bytes, ours.board.bytes),
    ],
    [
      `scrolling ${title} (${int(results.columns[results.column])} cards): longest long task`,
      longest(ours.scroll) ? ms(longest(ours.scroll)) : "none",
      longest(baseline.scroll) ? ms(longest(baseline.scroll)) : "none",
      ratio(longest(baseline.scroll), longest(ours.scroll)),
    ],
    [
      "scrolling: long tasks over 50 ms",
      int(overTarget(ours.scroll)),
      int(overTarget(baseline.scroll)),
      ratio(overTarget(baseline.scroll), overTarget(ours.scroll)),
    ],
    [
      "scrolling: frames, time, longest frame",
      `${int(ours.scroll.frames)} in ${ms(ours.scroll.scrolledMs)}, ${ms(ours.scroll.longestFrameMs)}`,
      `${int(baseline.scroll.frames)} in ${ms(baseline.scroll.scrolledMs)}, ${ms(baseline.scroll.longestFrameMs)}`,
      ratio(baseline.scroll.scrolledMs, ours.scroll.scrolledMs),
    ],
    [
      `cards in the document after load: ${title} / board`,
      `${int(ours.inDocument.column)} / ${int(ours.inDocument.board)}`,
      `${int(baseline.inDocument.column)} / ${int(baseline.inDocument.board)}`,
      ratio(baseline.inDocument.board, ours.inDocument.board),
    ],
  ];
  console.info("| measure | ours (virtualized columns) | baseline (every card rendered) | baseline ÷ ours |");
  console.info("|---|---|---|---|");
  for (const [measure, first, second, times] of rows)
    console.info(`| ${measure} | ${first} | ${second} | ${times} |`);

  const met = targetsMet(results);
  const samples = (values: number[]) => values.map((value) => int(value)).join(", ");
  console.info(
    [
      "",
      `${mark(met.rendered)} rendered ≤ ${ms(targets.renderedMs)}: ${ms(median(ours.renderedMs))} (loads: ${samples(ours.renderedMs)}; baseline ${samples(baseline.renderedMs)})`,
      `${mark(met.move)} drop → moved ≤ ${ms(targets.moveMs)}: ${ms(median(ours.moveMs))} (moves: ${samples(ours.moveMs)}; baseline ${samples(baseline.moveMs)})`,
      `${mark(met.scroll)} no long task over ${ms(targets.longTaskMs)} while scrolling ${title}: ` +
        (overTarget(ours.scroll) === 0
          ? "none"
          : `${overTarget(ours.scroll)}, the longest ${ms(longest(ours.scroll))}`),
    ].join("\n"),
  );
  const json = (variant: VariantResults) => ({
    renderedMedianMs: Math.round(median(variant.renderedMs)),
    renderedMs: variant.renderedMs.map(Math.round),
    moveMedianMs: Math.round(median(variant.moveMs)),
    moveMs: variant.moveMs.map(Math.round),
    movePaintedMedianMs: Math.round(median(variant.movePaintedMs)),
    boardBytes: variant.board.bytes,
    boardGzipBytes: variant.board.gzipBytes,
    scroll: {
      longestTaskMs: Math.round(longest(variant.scroll)),
      tasksOver50Ms: overTarget(variant.scroll),
      frames: variant.scroll.frames,
      ms: Math.round(variant.scroll.scrolledMs),
    },
    cardsInDocument: variant.inDocument,
  });
  console.info(
    `\n${JSON.stringify({
      bench: "board",
      runners: results.total,
      columns: results.columns,
      ours: json(ours),
      baseline: json(baseline),
      targetsMet: met,
    })}`,
  );
}
