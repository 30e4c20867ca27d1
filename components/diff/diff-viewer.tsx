"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type DiffLayout, type DiffRow, diffRows, isOpen, rowHeights } from "@/lib/diffs/diff-rows";
import type { DiffFile } from "@/lib/diffs/diff-schemas";
import { virtualizeLists } from "@/lib/list-rendering";
import { DiffFileHeader } from "./diff-file-header";
import { DiffFileList } from "./diff-file-list";
import { DiffLineCells } from "./diff-line";
import { useHighlights } from "./use-highlights";

const foldedWords = {
  lockfile: "A lockfile: folded.",
  generated: "Generated output: folded.",
  binary: "A binary file or a change without text lines.",
  large: "A large change: folded so the rest stays readable.",
} as const;

/**
 * A diff of any size: the file list beside one list of rows (file headings, hunk headings and
 * lines) in which only the rows in view are in the document. Lines are highlighted by a worker
 * as their files come into view.
 */
export function DiffViewer({
  files,
  complete,
  layout,
}: {
  files: readonly DiffFile[];
  complete: boolean;
  layout: DiffLayout;
}) {
  const [toggled, setToggled] = useState<ReadonlySet<number>>(new Set());
  const [current, setCurrent] = useState<number>();
  const cache = useRef(new Map<string, DiffRow[]>());
  // A fold changes only that file's rows: the cache keys them by file, layout and state.
  const { rows, fileStarts } = useMemo(
    () => diffRows(files, layout, toggled, cache.current),
    [files, layout, toggled],
  );
  const highlights = useHighlights(files);
  const estimateSize = useCallback((index: number) => rowHeights[rows[index]?.kind ?? "line"], [rows]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    // Stable while the rows are: a new function makes the virtualizer re-measure every row.
    estimateSize,
    overscan: 20,
    enabled: virtualizeLists,
  });
  // The benchmark's baseline: every row, in the same markup, in normal flow.
  const items = virtualizeLists
    ? virtualizer.getVirtualItems()
    : rows.map((row, index) => ({ key: index, index, start: 0, end: 0, size: rowHeights[row.kind] }));
  const firstFile = rows[items[0]?.index ?? 0]?.file;
  const lastFile = rows[items.at(-1)?.index ?? 0]?.file;
  useEffect(() => {
    if (firstFile === undefined || lastFile === undefined) return;
    for (let file = firstFile; file <= lastFile; file++) highlights.request(file);
  }, [firstFile, lastFile, highlights.request]);
  // Switching layouts changes every row: the file at the top stays at the top.
  const topFile = useRef<number | undefined>(undefined);
  const shownLayout = useRef(layout);
  useEffect(() => {
    if (shownLayout.current === layout) return;
    shownLayout.current = layout;
    if (topFile.current !== undefined)
      virtualizer.scrollToIndex(fileStarts[topFile.current] ?? 0, { align: "start" });
  }, [layout, fileStarts, virtualizer]);
  if (shownLayout.current === layout) {
    const offset = virtualizer.scrollOffset ?? 0;
    const top = items.find((item) => item.end > offset);
    topFile.current = top ? rows[top.index]?.file : undefined;
  }

  const toggle = (file: number) =>
    setToggled((before) => {
      const next = new Set(before);
      if (next.has(file)) next.delete(file);
      else next.add(file);
      return next;
    });
  const jumpTo = useCallback(
    (file: number) => {
      setCurrent(file);
      virtualizer.scrollToIndex(fileStarts[file] ?? 0, { align: "start" });
    },
    [virtualizer, fileStarts],
  );

  function renderRow(row: DiffRow) {
    const file = files[row.file];
    if (!file) return null;
    switch (row.kind) {
      case "file":
        return (
          <DiffFileHeader
            file={file}
            open={isOpen(file, toggled, row.file)}
            current={row.file === current}
            onToggle={() => toggle(row.file)}
          />
        );
      case "folded":
        return (
          <p className="px-3 py-1.5 font-sans text-xs text-ink-muted">
            {file.collapsed ? foldedWords[file.collapsed] : "Folded."}
          </p>
        );
      case "hunk":
        return <div className="truncate bg-accent-soft/50 px-3 leading-6 text-ink-muted">{row.header}</div>;
      case "line":
        return (
          <DiffLineCells line={row.line} number="both" tokens={highlights.tokensOf(row.file)?.[row.at]} />
        );
      case "pair": {
        const tokens = highlights.tokensOf(row.file);
        return (
          <div className="flex">
            <DiffLineCells
              line={row.left}
              number="old"
              tokens={row.left ? tokens?.[row.leftAt] : undefined}
            />
            <DiffLineCells
              line={row.right}
              number="new"
              tokens={row.right ? tokens?.[row.rightAt] : undefined}
            />
          </div>
        );
      }
    }
  }

  return (
    <div className="grid min-h-0 grid-cols-1 gap-3 md:grid-cols-[16rem_minmax(0,1fr)]">
      <div className="h-48 md:h-[70dvh]">
        <DiffFileList files={files} current={current} complete={complete} onChoose={jumpTo} />
      </div>
      <section
        ref={scroller}
        aria-label="Diff"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the diff scrolls by keyboard too
        tabIndex={0}
        className="h-[70dvh] overflow-auto rounded-lg border border-border bg-surface font-mono text-xs leading-5"
      >
        <div
          className="relative min-w-full"
          style={virtualizeLists ? { height: virtualizer.getTotalSize() } : undefined}
        >
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                className={virtualizeLists ? "absolute left-0 min-w-full" : "min-w-full"}
                style={
                  virtualizeLists
                    ? { height: item.size, transform: `translateY(${item.start}px)` }
                    : { height: item.size }
                }
              >
                {renderRow(row)}
              </div>
            );
          })}
        </div>
      </section>
    </div>
  );
}
