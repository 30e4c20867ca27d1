import { createHash } from "node:crypto";
import { copyFileSync, cpSync, mkdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ProcessGroups } from "./process-groups";
import {
  type BuildMode,
  type BuildOutcome,
  builtAt,
  ensureProductionBuild,
  sourcesChangedAt,
} from "./production-build";

/*
 * The two builds `bench:board` compares. Next.js writes to `.next` only (distDir is fixed in
 * next.config.ts), so the baseline (NEXT_PUBLIC_VIRTUALIZE_LISTS=0: every card rendered) is
 * built there first and then moved to a directory of its own, laid out as a project that
 * `next start <dir>` can serve: its `.next`, links to this checkout's node_modules (the build
 * links external packages as ../../node_modules/<name>), public/ and drizzle/ (migrations are
 * read from the working directory), and the next.config.ts and package.json it was built
 * with. Ours is built after it, so `.next` holds the default build again when this is done.
 */

/** Kept between runs (one per checkout), so `auto` can reuse a baseline newer than the sources. */
export const baselineDir = join(
  tmpdir(),
  `switchyard-bench-board-baseline-${createHash("sha256").update(process.cwd()).digest("hex").slice(0, 8)}`,
);

/** While the baseline sits in `.next`, any other `npm start` would serve it: see `discardStrayBaseline`. */
let baselineInDotNext = false;

function moveInto(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    rmSync(from, { recursive: true, force: true });
  }
}

function layOutBaseline(): void {
  rmSync(baselineDir, { recursive: true, force: true });
  mkdirSync(baselineDir, { recursive: true });
  moveInto(".next", join(baselineDir, ".next"));
  baselineInDotNext = false;
  for (const linked of ["node_modules", "public", "drizzle"])
    symlinkSync(resolve(linked), join(baselineDir, linked));
  for (const copied of ["next.config.ts", "package.json"]) copyFileSync(copied, join(baselineDir, copied));
}

async function ensureBaselineBuild(
  processes: ProcessGroups,
  mode: BuildMode,
  env: NodeJS.ProcessEnv,
): Promise<BuildOutcome> {
  const built = builtAt(join(baselineDir, ".next"));
  const reason =
    mode === "always" ? "asked" : built === 0 ? "missing" : sourcesChangedAt() > built ? "stale" : undefined;
  if (mode === "never" || reason === undefined) {
    if (built === 0)
      throw new Error(`there is no baseline build in ${baselineDir} (run with BENCH_BUILD=auto)`);
    return { state: "fresh", detail: `built ${Math.round((Date.now() - built) / 60_000)} min ago` };
  }
  baselineInDotNext = true;
  const outcome = await ensureProductionBuild(processes, "always", {
    ...env,
    NEXT_PUBLIC_VIRTUALIZE_LISTS: "0",
  });
  layOutBaseline();
  return { ...outcome, detail: reason };
}

/** The baseline's build first (it passes through `.next`), then ours in `.next`. */
export async function ensureBoardBuilds(
  processes: ProcessGroups,
  mode: BuildMode,
  env: NodeJS.ProcessEnv,
): Promise<{ ours: BuildOutcome; baseline: BuildOutcome }> {
  const { NEXT_PUBLIC_VIRTUALIZE_LISTS: _switch, ...withoutSwitch } = env;
  const baseline = await ensureBaselineBuild(processes, mode, withoutSwitch);
  const ours = await ensureProductionBuild(processes, mode, withoutSwitch);
  return { ours, baseline };
}

/** After a run cut short while the baseline was being built: `.next` must not be left holding it. */
export function discardStrayBaseline(): void {
  if (baselineInDotNext) rmSync(".next", { recursive: true, force: true });
}
