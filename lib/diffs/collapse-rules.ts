import type { CollapseReason } from "./diff-schemas";

/*
 * Files a review rarely needs to read start folded (one click opens them): dependency lockfiles,
 * generated output, binaries, and very large changes, which would otherwise bury the rest.
 */

const lockfiles = new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lock",
  "bun.lockb",
  "deno.lock",
  "Cargo.lock",
  "Gemfile.lock",
  "poetry.lock",
  "Pipfile.lock",
  "uv.lock",
  "composer.lock",
  "go.sum",
  "flake.lock",
]);

const generated = [
  /\.min\.(js|css|mjs)$/,
  /\.map$/,
  /(^|\/)(dist|build|out|\.next|coverage)\//,
  /\.(snap|pb\.go|generated\.\w+)$/,
  /(^|\/)__generated__\//,
];

/** A file changing more lines than this starts folded. */
export const largeFileLines = 3_000;

export function collapseReason(
  path: string,
  change: { additions: number; deletions: number; hasText: boolean },
): CollapseReason | null {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (lockfiles.has(name)) return "lockfile";
  if (!change.hasText) return "binary";
  if (generated.some((pattern) => pattern.test(path))) return "generated";
  if (change.additions + change.deletions > largeFileLines) return "large";
  return null;
}
