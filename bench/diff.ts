/**
 * `npm run bench:diff` — a run's page with a cumulative diff of 5,000 files and 200,000 changed
 * lines, for our build (paged per file, rows virtualized, highlighting in a worker) beside the
 * baseline build (NEXT_PUBLIC_VIRTUALIZE_LISTS=0, see `lib/list-rendering.ts`), which renders
 * the whole diff at once when every page is in. Both production servers share one fresh
 * PostgreSQL database and one simulator (frozen clock, team off), as in `bench:board`; Chromium
 * measures each in turn, alternating, on a page opened fresh each time:
 * - navigation → the first file of the diff painted, and → the file list complete (medians of 3);
 * - scrolling the file list top to bottom, and the diff 600 frames down, with long tasks;
 * - the tab's JS heap after a garbage collection, everything loaded and scrolled.
 * Targets are printed next to the numbers; being times, they do not fail the run. A diff that
 * does not arrive whole, or a scroll that stops short, does. Everything it starts is stopped, and
 * the database dropped, failures included.
 *
 * Environment: BENCH_DATABASE_URL, BENCH_BUILD=auto|always|never (as for bench:board).
 */
import { loadavg } from "node:os";
import { type Browser, chromium } from "@playwright/test";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Database } from "@/db";
import * as schema from "@/db/schema";
import { chromiumArgs, chromiumExecutable } from "@/e2e/chromium";
import { createNetlifyClient } from "@/lib/netlify/client";
import { connectSite } from "@/lib/sites/connect-site";
import { reconcileSite } from "@/lib/sync/reconcile-site";
import { runBench } from "./bench-lifecycle";
import { baselineDir, discardStrayBaseline, ensureBoardBuilds } from "./board-builds";
import { type BoardStack, startBoardStack } from "./board-stack";
import { diffTimesScript, scrollScript } from "./diff-page";
import type { BuildMode } from "./production-build";
import { simulatorControls } from "./sync-upstream";

const SHAPE = { files: 5_000, linesPerFile: 40 };
const LOADS = 3;
/** The baseline renders 200,000 rows in one go: give it this long before calling it stuck. */
const OPEN_TIMEOUT_MS = 120_000;
const adminUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const buildMode = (process.env.BENCH_BUILD || "auto") as BuildMode;
const loadAtStart = loadavg()[0] ?? 0;
const variants = ["ours", "baseline"] as const;
type Variant = (typeof variants)[number];

interface Opened {
  firstFileMs: number;
  listCompleteMs: number;
  longestTaskMs: number;
}
interface Scrolled {
  longTasks: number[];
  frames: number;
  scrolledMs: number;
  reachedEnd: boolean;
}
interface Results {
  opened: Opened[];
  /** The page did not show the diff within OPEN_TIMEOUT_MS: it is not asked again. */
  stuck?: boolean;
  fileList?: Scrolled;
  diff?: Scrolled;
  heapMb?: number;
}

/** One finished run with the big diff, in the cache. */
async function seedRun(stack: BoardStack, db: Database): Promise<string> {
  const client = createNetlifyClient({ baseUrl: stack.apiUrl, token: stack.simToken, timeoutMs: 60_000 });
  const controls = simulatorControls(stack.simOrigin);
  const [site] = await client.sites.listAll();
  if (!site) throw new Error("the demo account has no site");
  await connectSite(db, client, site.id, null);
  await controls.control("POST", "/__sim/outcomes", { sessions: ["done"] });
  const runner = await client.runners.create({
    siteId: site.id,
    prompt: "Rename every limit across the code",
  });
  await controls.control("POST", "/__sim/clock", { advance_ms: 30 * 60_000 });
  await controls.control("POST", `/__sim/runners/${runner.id}/diff`, {
    files: SHAPE.files,
    lines_per_file: SHAPE.linesPerFile,
  });
  await reconcileSite(db, client, site.id, { deadline: Number.POSITIVE_INFINITY });
  return runner.id;
}

async function signedInContext(browser: Browser, appUrl: string) {
  const context = await browser.newContext({ baseURL: appUrl, viewport: { width: 1600, height: 1000 } });
  await context.addInitScript(diffTimesScript(SHAPE.files));
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue as the demo user" }).click();
  await page.getByRole("heading", { level: 1, name: "Board" }).waitFor();
  return { context, page };
}

async function measureVariant(
  browser: Browser,
  appUrl: string,
  runnerId: string,
  results: Results,
  last: boolean,
) {
  const { context, page } = await signedInContext(browser, appUrl);
  try {
    await page.goto(`/runners/${runnerId}`, { waitUntil: "commit", timeout: OPEN_TIMEOUT_MS });
    const shown = await within(page.evaluate("window.__diffShown") as Promise<{ paintedAt: number }>);
    const complete = await within(
      page.evaluate("window.__fileListComplete") as Promise<{ paintedAt: number }>,
    );
    if (!shown || !complete) {
      results.stuck = true;
      return;
    }
    const tasks = (await page.evaluate("window.__longTasks")) as Array<{ ms: number }>;
    results.opened.push({
      firstFileMs: shown.paintedAt,
      listCompleteMs: complete.paintedAt,
      longestTaskMs: Math.max(0, ...tasks.map((task) => task.ms)),
    });
    if (!last) return;
    results.fileList = await within(
      page.evaluate(
        scrollScript('nav[aria-label="Changed files"] .overflow-y-auto', 400, 2_000),
      ) as Promise<Scrolled>,
    );
    results.diff = await within(
      page.evaluate(scrollScript('section[aria-label="Diff"]', 1_500, 600)) as Promise<Scrolled>,
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    results.heapMb = usedSize / 1024 / 1024;
  } finally {
    // Closing the context ends its renderer, also one still busy with a diff it could not show.
    await context.close();
  }
}

/** The answer of `work`, or undefined when it takes longer than OPEN_TIMEOUT_MS. */
async function within<T>(work: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), OPEN_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

const print = (text: string) => process.stdout.write(`${text}\n`);
/** The median; a page that never showed the diff counts as infinitely slow. */
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.POSITIVE_INFINITY;
const ms = (value: number) =>
  Number.isFinite(value)
    ? `${Math.round(value).toLocaleString("en-US")} ms`
    : `> ${OPEN_TIMEOUT_MS / 1000} s`;
const ratio = (baseline: number, ours: number) =>
  !Number.isFinite(baseline) ? "n/a (baseline stuck)" : ours > 0 ? `${(baseline / ours).toFixed(2)}×` : "n/a";
const longest = (scrolled?: Scrolled) => Math.max(0, ...(scrolled?.longTasks ?? []));
const over = (scrolled: Scrolled | undefined, limit: number) =>
  (scrolled?.longTasks ?? []).filter((task) => task > limit).length;

function report(results: Record<Variant, Results>, builds: Awaited<ReturnType<typeof ensureBoardBuilds>>) {
  const { ours, baseline } = results;
  const pick = (r: Results, key: keyof Opened) => median(r.opened.map((opened) => opened[key]));
  const rows: Array<[string, string, string, string]> = [
    [
      `navigation → first file painted (median of ${LOADS})`,
      ms(pick(ours, "firstFileMs")),
      ms(pick(baseline, "firstFileMs")),
      ratio(pick(baseline, "firstFileMs"), pick(ours, "firstFileMs")),
    ],
    [
      `navigation → file list complete, ${SHAPE.files.toLocaleString("en-US")} files (median)`,
      ms(pick(ours, "listCompleteMs")),
      ms(pick(baseline, "listCompleteMs")),
      ratio(pick(baseline, "listCompleteMs"), pick(ours, "listCompleteMs")),
    ],
    [
      "longest long task while opening (median)",
      ms(pick(ours, "longestTaskMs")),
      ms(pick(baseline, "longestTaskMs")),
      ratio(pick(baseline, "longestTaskMs"), pick(ours, "longestTaskMs")),
    ],
    [
      "scrolling the file list to its end: longest long task, tasks over 200 ms",
      `${ms(longest(ours.fileList))}, ${over(ours.fileList, 200)}`,
      baseline.fileList ? `${ms(longest(baseline.fileList))}, ${over(baseline.fileList, 200)}` : "—",
      baseline.fileList ? ratio(longest(baseline.fileList), longest(ours.fileList)) : "n/a",
    ],
    [
      "scrolling the diff 600 frames: longest long task, tasks over 200 ms",
      `${ms(longest(ours.diff))}, ${over(ours.diff, 200)}`,
      baseline.diff ? `${ms(longest(baseline.diff))}, ${over(baseline.diff, 200)}` : "—",
      baseline.diff ? ratio(longest(baseline.diff), longest(ours.diff)) : "n/a",
    ],
    [
      "JS heap after GC, all loaded and scrolled",
      `${(ours.heapMb ?? 0).toFixed(1)} MB`,
      baseline.heapMb === undefined ? "—" : `${baseline.heapMb.toFixed(1)} MB`,
      baseline.heapMb === undefined ? "n/a" : ratio(baseline.heapMb, ours.heapMb ?? 0),
    ],
  ];
  print(
    `\nDiff benchmark: one run whose cumulative diff has ${SHAPE.files.toLocaleString("en-US")} files and ${(SHAPE.files * SHAPE.linesPerFile).toLocaleString("en-US")} changed lines; production builds (ours: ${builds.ours.state} ${builds.ours.detail}; baseline: ${builds.baseline.state} ${builds.baseline.detail}); Chromium 1600×1000; 2 cores, load ${loadAtStart.toFixed(1)} at start and ${(loadavg()[0] ?? 0).toFixed(1)} at end\n`,
  );
  print(
    "| measure | ours (paged, virtualized, worker) | baseline (whole diff rendered at once) | baseline ÷ ours |",
  );
  print("|---|---|---|---|");
  for (const row of rows) print(`| ${row.join(" | ")} |`);
  const firstFile = pick(ours, "firstFileMs");
  const scrollTask = Math.max(longest(ours.fileList), longest(ours.diff));
  print(
    `\n${firstFile <= 1_000 ? "✓" : "✗"} first file ≤ 1,000 ms: ${ms(firstFile)} (loads: ${ours.opened.map((o) => Math.round(o.firstFileMs)).join(", ")})`,
  );
  print(
    `${scrollTask <= 200 ? "✓" : "✗"} no long task over 200 ms while scrolling: longest ${ms(scrollTask)}`,
  );
  print(`${(ours.heapMb ?? 0) < 300 ? "✓" : "✗"} heap < 300 MB: ${(ours.heapMb ?? 0).toFixed(1)} MB`);
  print(`\n${JSON.stringify({ bench: "diff", shape: SHAPE, ours, baseline })}`);
  if (baseline.stuck)
    print(`\nThe baseline did not show the diff within ${OPEN_TIMEOUT_MS / 1000} s and was not asked again.`);
  const whole = !ours.stuck && ours.fileList?.reachedEnd && ours.diff && ours.opened.length === LOADS;
  if (!whole) {
    console.error("\nA scroll stopped short or a load was missing: the numbers are suspect.");
    process.exitCode = 1;
  }
}

await runBench(
  "diff",
  async ({ workDir, processes, createDatabase }) => {
    const builds = await ensureBoardBuilds(processes, buildMode, {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
    });
    const database = await createDatabase(adminUrl);
    const stack = await startBoardStack(processes, database, workDir, baselineDir);
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
    try {
      const runnerId = await seedRun(stack, drizzle(pool, { schema }));
      const results: Record<Variant, Results> = { ours: { opened: [] }, baseline: { opened: [] } };
      for (let load = 0; load < LOADS; load++)
        for (const variant of variants)
          if (!results[variant].stuck)
            await measureVariant(
              browser,
              stack.apps[variant],
              runnerId,
              results[variant],
              load === LOADS - 1,
            );
      report(results, builds);
    } finally {
      await browser.close();
      await pool.end();
    }
  },
  { beforeCleanUp: discardStrayBaseline },
);
