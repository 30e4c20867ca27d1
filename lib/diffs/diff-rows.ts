import type { DiffFile, DiffLine } from "./diff-schemas";

/*
 * A diff as one flat list of rows, so the viewer renders only the rows in view however large the
 * diff is. Every row has a fixed height by kind, so the list needs no measuring.
 */

export type DiffLayout = "unified" | "split";

export type DiffRow =
  | { kind: "file"; file: number }
  | { kind: "folded"; file: number }
  | { kind: "hunk"; file: number; header: string }
  /** `at` is the line's position among its file's lines (hunks one after another): its highlight. */
  | { kind: "line"; file: number; line: DiffLine; at: number }
  | {
      kind: "pair";
      file: number;
      left: DiffLine | null;
      leftAt: number;
      right: DiffLine | null;
      rightAt: number;
    };

export const rowHeights: Record<DiffRow["kind"], number> = {
  file: 44,
  folded: 32,
  hunk: 24,
  line: 20,
  pair: 20,
};

/** Side by side: a run of removals beside the run of additions that follows it. */
function pairRows(file: number, lines: readonly DiffLine[], start: number, rows: DiffRow[]): void {
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] as DiffLine;
    if (line[0] === " ") {
      rows.push({
        kind: "pair",
        file,
        left: line,
        leftAt: start + index,
        right: line,
        rightAt: start + index,
      });
      index++;
      continue;
    }
    const removedFrom = index;
    while (index < lines.length && lines[index]?.[0] === "-") index++;
    const addedFrom = index;
    while (index < lines.length && lines[index]?.[0] === "+") index++;
    const removed = addedFrom - removedFrom;
    const added = index - addedFrom;
    for (let offset = 0; offset < Math.max(removed, added); offset++)
      rows.push({
        kind: "pair",
        file,
        left: offset < removed ? (lines[removedFrom + offset] ?? null) : null,
        leftAt: start + removedFrom + offset,
        right: offset < added ? (lines[addedFrom + offset] ?? null) : null,
        rightAt: start + addedFrom + offset,
      });
  }
}

/** The rows of one file: its header, then its hunks, or a folded marker. */
export function fileRows(
  files: readonly DiffFile[],
  file: number,
  layout: DiffLayout,
  open: boolean,
): DiffRow[] {
  const rows: DiffRow[] = [{ kind: "file", file }];
  const diffFile = files[file];
  if (!diffFile) return rows;
  if (!open) {
    rows.push({ kind: "folded", file });
    return rows;
  }
  let at = 0;
  for (const hunk of diffFile.hunks) {
    rows.push({ kind: "hunk", file, header: hunk.header });
    if (layout === "split") pairRows(file, hunk.lines, at, rows);
    else
      hunk.lines.forEach((line, index) => {
        rows.push({ kind: "line", file, line, at: at + index });
      });
    at += hunk.lines.length;
  }
  return rows;
}

/** Whether a file shows its lines: folded by default when it has a collapse reason, unless toggled. */
export const isOpen = (file: DiffFile, toggled: ReadonlySet<number>, index: number): boolean =>
  (file.collapsed === null) !== toggled.has(index);

/** Every file's rows, and where each file starts (for jumping to it). */
export function diffRows(
  files: readonly DiffFile[],
  layout: DiffLayout,
  toggled: ReadonlySet<number>,
  cache: Map<string, DiffRow[]>,
): { rows: DiffRow[]; fileStarts: number[] } {
  const rows: DiffRow[] = [];
  const fileStarts: number[] = [];
  files.forEach((file, index) => {
    const open = isOpen(file, toggled, index);
    // A file's rows are built once per layout and state: pages arriving only add files.
    const key = `${index}:${layout}:${open}`;
    let own = cache.get(key);
    if (!own) {
      own = fileRows(files, index, layout, open);
      cache.set(key, own);
    }
    fileStarts.push(rows.length);
    for (const row of own) rows.push(row);
  });
  return { rows, fileStarts };
}
