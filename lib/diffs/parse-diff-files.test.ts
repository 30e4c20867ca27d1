import { describe, expect, it } from "vitest";
import { collapseReason, largeFileLines } from "./collapse-rules";
import { parseDiffFiles } from "./parse-diff-files";

const diff = [
  "diff --git a/img/logo.png b/img/logo.png",
  "new file mode 100644",
  "index 0000000..abc",
  "Binary files /dev/null and b/img/logo.png differ",
  "diff --git a/src/a.ts b/src/b.ts",
  "similarity index 90%",
  "rename from src/a.ts",
  "rename to src/b.ts",
  "index 1..2 100644",
  "--- a/src/a.ts",
  "+++ b/src/b.ts",
  "@@ -1,2 +1,2 @@ function x",
  "-const old = 1;",
  "+const renamed = 1;",
  " export {};",
  "diff --git a/gone.md b/gone.md",
  "deleted file mode 100644",
  "--- a/gone.md",
  "+++ /dev/null",
  "@@ -1 +0,0 @@",
  "-bye",
  "diff --git a/package-lock.json b/package-lock.json",
  "--- a/package-lock.json",
  "+++ b/package-lock.json",
  "@@ -1 +1 @@",
  '-{"lockfileVersion": 2}',
  '+{"lockfileVersion": 3}',
].join("\n");

describe("parseDiffFiles", () => {
  const files = parseDiffFiles(diff);

  it("names each file with what happened to it and its counts", () => {
    expect(
      files.map(({ path, oldPath, status, additions, deletions }) => ({
        path,
        oldPath,
        status,
        additions,
        deletions,
      })),
    ).toEqual([
      { path: "img/logo.png", oldPath: null, status: "added", additions: 0, deletions: 0 },
      { path: "src/b.ts", oldPath: "src/a.ts", status: "renamed", additions: 1, deletions: 1 },
      { path: "gone.md", oldPath: null, status: "deleted", additions: 0, deletions: 1 },
      { path: "package-lock.json", oldPath: null, status: "modified", additions: 1, deletions: 1 },
    ]);
  });

  it("keeps each line's kind, old and new numbers and text, without the sign", () => {
    expect(files[1]?.hunks).toEqual([
      {
        header: "@@ -1,2 +1,2 @@ function x",
        lines: [
          ["-", 1, null, "const old = 1;"],
          ["+", null, 1, "const renamed = 1;"],
          [" ", 2, 2, "export {};"],
        ],
      },
    ]);
  });

  it("folds binaries and lockfiles, and leaves code open", () => {
    expect(files.map((file) => file.collapsed)).toEqual(["binary", null, null, "lockfile"]);
  });

  it("answers no files for an empty diff", () => {
    expect(parseDiffFiles("")).toEqual([]);
  });
});

describe("collapseReason", () => {
  const text = { additions: 3, deletions: 1, hasText: true };
  it.each([
    ["yarn.lock", "lockfile"],
    ["apps/web/pnpm-lock.yaml", "lockfile"],
    ["dist/app.js", "generated"],
    ["public/vendor.min.js", "generated"],
    ["src/app.js.map", "generated"],
    ["src/app.ts", null],
    ["src/lockfile.ts", null],
  ] as const)("%s → %s", (path, reason) => {
    expect(collapseReason(path, text)).toBe(reason);
  });

  it("folds a change larger than the limit", () => {
    expect(collapseReason("src/big.ts", { additions: largeFileLines, deletions: 1, hasText: true })).toBe(
      "large",
    );
    expect(
      collapseReason("src/big.ts", { additions: largeFileLines, deletions: 0, hasText: true }),
    ).toBeNull();
  });
});
