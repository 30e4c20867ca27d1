"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import type { DiffFile } from "@/lib/diffs/diff-schemas";
import { virtualizeLists } from "@/lib/list-rendering";

const itemHeight = 32;
const estimateSize = () => itemHeight;

/**
 * Every file of the diff with its counts, filtered by name; choosing one scrolls the diff to it.
 * The list renders only the names in view, however many files there are.
 */
export const DiffFileList = memo(function DiffFileList({
  files,
  current,
  complete,
  onChoose,
}: {
  files: readonly DiffFile[];
  current: number | undefined;
  complete: boolean;
  onChoose: (index: number) => void;
}) {
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const all = files.map((_file, index) => index);
    return needle ? all.filter((index) => files[index]?.path.toLowerCase().includes(needle)) : all;
  }, [files, filter]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    overscan: 10,
    enabled: virtualizeLists,
  });
  const items = virtualizeLists
    ? virtualizer.getVirtualItems()
    : shown.map((_file, index) => ({ key: index, index, start: 0 }));
  const count = `${filter.trim() ? `${shown.length.toLocaleString()} of ` : ""}${files.length.toLocaleString()} ${files.length === 1 ? "file" : "files"}`;
  // Written after the region is in the document: text already there when it appears is not read out.
  const [spoken, setSpoken] = useState("");
  useEffect(() => setSpoken(complete ? count : ""), [complete, count]);
  return (
    <nav aria-label="Changed files" className="flex h-full min-h-0 flex-col gap-2">
      <label className="flex flex-col gap-1 text-xs font-medium text-ink-muted">
        Filter files
        <input
          type="search"
          value={filter}
          placeholder="Path contains…"
          onChange={(event) => setFilter(event.target.value)}
          className="h-8 rounded-md border border-border bg-surface px-2 text-sm text-ink"
        />
      </label>
      <p className="text-xs text-ink-muted">
        {count}
        {complete ? "" : " so far, loading more…"}
      </p>
      {/* Said once the list is complete and when the filter changes, not for every page loaded. */}
      <p role="status" className="sr-only">
        {spoken}
      </p>
      <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto">
        <ul className="relative" style={virtualizeLists ? { height: virtualizer.getTotalSize() } : undefined}>
          {items.map((item) => {
            const index = shown[item.index] ?? 0;
            const file = files[index];
            if (!file) return null;
            const name = file.path.slice(file.path.lastIndexOf("/") + 1);
            return (
              <li
                key={item.key}
                className={virtualizeLists ? "absolute inset-x-0" : undefined}
                style={
                  virtualizeLists
                    ? { height: itemHeight, transform: `translateY(${item.start}px)` }
                    : { height: itemHeight }
                }
              >
                <button
                  type="button"
                  aria-current={index === current ? "true" : undefined}
                  title={file.path}
                  onClick={() => onChoose(index)}
                  className={`flex h-full w-full items-center gap-2 rounded-md px-2 text-left text-xs hover:bg-surface-muted ${
                    index === current ? "bg-surface-muted font-medium" : ""
                  }`}
                >
                  <span className="min-w-0 flex-1 truncate font-mono">
                    <span className="sr-only">{file.path}</span>
                    <span aria-hidden="true">{name}</span>
                  </span>
                  <span className="shrink-0 text-added-ink">+{file.additions}</span>
                  <span className="shrink-0 text-danger-ink">−{file.deletions}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
});
