import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { ProcessGroups } from "./process-groups";

/** What goes into `next build`; tests and test helpers do not. */
const sourceDirs = ["app", "lib", "components", "db", "drizzle", "public"];
const sourceFiles = [
  "next.config.ts",
  "instrumentation.ts",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
];

function newestChange(path: string): number {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(path)
      .filter((entry) => entry !== "testing" && entry !== "node_modules")
      .map((entry) => newestChange(join(path, entry))),
  );
}

/** When a file that goes into `next build` last changed, in ms since the epoch. */
export const sourcesChangedAt = (): number =>
  Math.max(...sourceDirs.map(newestChange), ...sourceFiles.map(newestChange));

/** When the build in `distDir` was written, or 0 when there is none. */
export const builtAt = (distDir = ".next"): number => newestChange(join(distDir, "BUILD_ID"));

export type BuildMode = "auto" | "always" | "never";

export interface BuildOutcome {
  state: "fresh" | "built";
  /** Why it was built ("missing", "stale", "asked"), or how old the build it reuses is. */
  detail: string;
  seconds?: number;
}

/**
 * Makes sure `.next` holds a production build of the sources as they are: built when missing,
 * older than any source file, or asked for (`always`); `never` uses whatever is there. The
 * working tree is shared: when another `next build` is running, this waits for it and looks again.
 */
export async function ensureProductionBuild(
  processes: ProcessGroups,
  mode: BuildMode,
  env: NodeJS.ProcessEnv,
): Promise<BuildOutcome> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    const built = builtAt();
    const reason =
      mode === "always"
        ? "asked"
        : built === 0
          ? "missing"
          : sourcesChangedAt() > built
            ? "stale"
            : undefined;
    if (mode === "never" || reason === undefined) {
      if (built === 0) throw new Error("there is no production build in .next (run npm run build)");
      return { state: "fresh", detail: `built ${Math.round((Date.now() - built) / 60_000)} min ago` };
    }
    const started = performance.now();
    const { code } = await processes.run("build", "npm", ["run", "build"], env, 900_000);
    if (code === 0) return { state: "built", detail: reason, seconds: (performance.now() - started) / 1000 };
    const output = processes.tail("build");
    if (!/Another next build process is already running/.test(output) || Date.now() > deadline)
      throw new Error(`npm run build failed (exit ${code}):\n${output}`);
    await sleep(10_000);
  }
}
