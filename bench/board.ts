/**
 * `npm run bench:board` — the board in the browser with 2,000 runners, 500 of them in Needs
 * review, for our build (columns render only the cards in view) beside a baseline build that
 * renders every card (NEXT_PUBLIC_VIRTUALIZE_LISTS=0, see `lib/list-rendering.ts`). Both
 * production servers run at once in demo mode on one fresh PostgreSQL database and one
 * simulator (frozen clock, team off), so they serve the same rows; Chromium measures each in
 * turn, alternating:
 * - navigation → the first card of each column painted (median of 5 loads, after a warm-up);
 * - a running run moved to Cancelled from its "Move to…" menu: click → the card in that column
 *   (MutationObserver), and painted there (medians of 5; the board moves it before the server
 *   answers);
 * - the size of `GET /api/board`, as sent and gzipped;
 * - scrolling the 500-card column top to bottom, one step a frame, with long tasks recorded.
 * Targets are printed next to the numbers; being times, they do not fail the run. A board that
 * is not filled as planned, builds that do not differ as intended, or a scroll that misses the
 * last card do. Everything it starts is stopped, and the database dropped, failures included.
 *
 * Environment: BENCH_DATABASE_URL (where the temporary database is created), BENCH_BUILD=
 * auto|always|never (auto: build when a build is missing or older than the sources).
 */
import { loadavg } from "node:os";
import { chromium } from "@playwright/test";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Database } from "@/db";
import * as schema from "@/db/schema";
import { chromiumArgs, chromiumExecutable } from "@/e2e/chromium";
import { createNetlifyClient } from "@/lib/netlify/client";
import { boardColumns } from "@/lib/runners/board";
import { runBench } from "./bench-lifecycle";
import { baselineDir, discardStrayBaseline, ensureBoardBuilds } from "./board-builds";
import {
  type BoardPage,
  boardJson,
  cardsInDocument,
  loadBoard,
  moveToCancelled,
  openBoardPage,
  scrollColumn,
  settleBoard,
} from "./board-measures";
import { printReport, type VariantResults } from "./board-report";
import { fillBoard } from "./board-seed";
import { type BoardStack, startBoardStack } from "./board-stack";
import type { BuildMode } from "./production-build";
import { simulatorControls } from "./sync-upstream";

const SHAPE = { total: 2_000, needsReview: 500 };
const COLUMN = "needs_review";
const LOADS = 5;
const MOVES = 5;
const adminUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const buildMode = (process.env.BENCH_BUILD || "auto") as BuildMode;
const loadAtStart = loadavg()[0] ?? 0;
const variants = ["ours", "baseline"] as const;

async function measure(
  stack: BoardStack,
  databaseUrl: string,
  builds: Awaited<ReturnType<typeof ensureBoardBuilds>>,
) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const db: Database = drizzle(pool, { schema });
  const client = createNetlifyClient({ baseUrl: stack.apiUrl, token: stack.simToken, timeoutMs: 30_000 });
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    const filled = await fillBoard(db, client, simulatorControls(stack.simOrigin), SHAPE);
    const shown = boardColumns
      .filter(({ id }) => id !== "archived" && filled.columns[id] > 0)
      .map(({ id }) => id);
    const pages: Record<(typeof variants)[number], BoardPage> = {
      ours: await openBoardPage(browser, stack.apps.ours, shown),
      baseline: await openBoardPage(browser, stack.apps.baseline, shown),
    };
    const results = {} as Record<(typeof variants)[number], VariantResults>;
    for (const variant of variants) {
      const { bytes, gzipBytes, board } = await boardJson(pages[variant]);
      if (board.cards.length !== SHAPE.total)
        throw new Error(`${variant}: GET /api/board has ${board.cards.length} cards`);
      results[variant] = {
        renderedMs: [],
        moveMs: [],
        movePaintedMs: [],
        board: { bytes, gzipBytes },
        scroll: { longTasks: [], frames: 0, scrolledMs: 0, longestFrameMs: 0, reachedLast: false },
        inDocument: { column: 0, board: 0 },
      };
      await loadBoard(pages[variant]);
    }
    for (let load = 0; load < LOADS; load++)
      for (const variant of variants) results[variant].renderedMs.push(await loadBoard(pages[variant]));
    for (const variant of variants) {
      await settleBoard(pages[variant], COLUMN);
      results[variant].inDocument = await cardsInDocument(pages[variant], COLUMN);
      results[variant].scroll = await scrollColumn(pages[variant], COLUMN, SHAPE.needsReview);
    }
    const siteId = (await boardJson(pages.ours)).board.sites[0]?.id ?? "";
    for (let move = 0; move < MOVES; move++)
      for (const variant of variants) {
        const moved = await moveToCancelled(pages[variant], siteId, `${variant} ${move + 1}`);
        results[variant].moveMs.push(moved.inDocumentMs);
        results[variant].movePaintedMs.push(moved.paintedMs);
      }

    printReport({
      total: filled.total,
      column: COLUMN,
      columns: filled.columns,
      builds,
      load: { atStart: loadAtStart, atEnd: loadavg()[0] ?? 0 },
      ...results,
    });
    // Exact checks: the builds render as intended, and the scroll went all the way down.
    const { ours, baseline } = results;
    const asIntended =
      ours.inDocument.column < SHAPE.needsReview &&
      baseline.inDocument.column === SHAPE.needsReview &&
      ours.scroll.reachedLast &&
      baseline.scroll.reachedLast;
    if (!asIntended) {
      console.error(
        "\nThe builds did not render as intended, or a scroll missed the last card: the numbers are suspect.",
      );
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await pool.end();
  }
}

await runBench(
  "board",
  async ({ workDir, processes, createDatabase }) => {
    const builds = await ensureBoardBuilds(processes, buildMode, {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
    });
    const database = await createDatabase(adminUrl);
    const stack = await startBoardStack(processes, database, workDir, baselineDir);
    await measure(stack, database.url, builds);
  },
  { beforeCleanUp: discardStrayBaseline },
);
