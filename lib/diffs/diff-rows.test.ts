import { describe, expect, it } from "vitest";
import { type DiffRow, diffRows, fileRows } from "./diff-rows";
import type { DiffFile } from "./diff-schemas";

const file = (overrides: Partial<DiffFile> = {}): DiffFile => ({
  path: "src/a.ts",
  oldPath: null,
  status: "modified",
  additions: 3,
  deletions: 2,
  collapsed: null,
  hunks: [
    {
      header: "@@ -1,4 +1,5 @@",
      lines: [
        [" ", 1, 1, "a"],
        ["-", 2, null, "b"],
        ["-", 3, null, "c"],
        ["+", null, 2, "B"],
        ["+", null, 3, "C"],
        ["+", null, 4, "D"],
        [" ", 4, 5, "e"],
      ],
    },
  ],
  ...overrides,
});

const shape = (rows: DiffRow[]) =>
  rows.map((row) =>
    row.kind === "line"
      ? `${row.line[0]}${row.line[3]}@${row.at}`
      : row.kind === "pair"
        ? `${row.left?.[3] ?? "·"}|${row.right?.[3] ?? "·"}`
        : row.kind,
  );

describe("fileRows", () => {
  it("lists a file's lines one under another in the unified layout, each with its place in the file", () => {
    expect(shape(fileRows([file()], 0, "unified", true))).toEqual([
      "file",
      "hunk",
      " a@0",
      "-b@1",
      "-c@2",
      "+B@3",
      "+C@4",
      "+D@5",
      " e@6",
    ]);
  });

  it("puts removals beside the additions that replace them in the split layout", () => {
    expect(shape(fileRows([file()], 0, "split", true))).toEqual([
      "file",
      "hunk",
      "a|a",
      "b|B",
      "c|C",
      "·|D",
      "e|e",
    ]);
  });

  it("shows a folded file as its heading and a folded marker", () => {
    expect(shape(fileRows([file()], 0, "unified", false))).toEqual(["file", "folded"]);
  });
});

describe("diffRows", () => {
  it("folds files with a collapse reason unless toggled open, and says where each file starts", () => {
    const files = [
      file(),
      file({ path: "package-lock.json", collapsed: "lockfile" }),
      file({ path: "src/b.ts" }),
    ];
    const { rows, fileStarts } = diffRows(files, "unified", new Set(), new Map());
    expect(fileStarts).toEqual([0, 9, 11]);
    expect(rows[fileStarts[1] ?? 0]).toEqual({ kind: "file", file: 1 });
    expect(rows[10]).toEqual({ kind: "folded", file: 1 });
    const opened = diffRows(files, "unified", new Set([1, 2]), new Map());
    expect(opened.fileStarts).toEqual([0, 9, 18]);
    expect(opened.rows[19]).toEqual({ kind: "folded", file: 2 });
  });

  it("reuses a file's rows while it stays the same", () => {
    const cache = new Map<string, DiffRow[]>();
    const files = [file()];
    const first = diffRows(files, "unified", new Set(), cache);
    const again = diffRows(files, "unified", new Set(), cache);
    expect(again.rows[2]).toBe(first.rows[2]);
  });
});
