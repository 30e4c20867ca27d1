"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { DiffFile } from "@/lib/diffs/diff-schemas";
import type { HighlightToken } from "@/lib/diffs/highlight-lines";
import { languageOf } from "@/lib/diffs/languages";
import type { HighlightRequest } from "./highlight-worker";

/** A file with more lines than this is shown plain: the worker would hold it up for others. */
const largestHighlightedFile = 20_000;

/**
 * Highlighted lines, per file, from a worker: files are asked for as they scroll into view, and
 * their lines are plain until the answer comes. `version` changes when answers arrive (at most
 * once a frame), so the rows re-render then.
 */
export function useHighlights(files: readonly DiffFile[]) {
  const worker = useRef<Worker | null>(null);
  const results = useRef(new Map<number, HighlightToken[][]>());
  const requested = useRef(new Set<number>());
  const [version, setVersion] = useState(0);

  useEffect(() => {
    // A new worker knows nothing yet: files asked of an earlier one are asked again.
    requested.current.clear();
    const highlighter = new Worker(new URL("./highlight-worker.ts", import.meta.url), { type: "module" });
    let frame = 0;
    highlighter.onmessage = (event: MessageEvent<{ id: number; tokens: HighlightToken[][] }>) => {
      results.current.set(event.data.id, event.data.tokens);
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          setVersion((value) => value + 1);
        });
    };
    worker.current = highlighter;
    return () => {
      cancelAnimationFrame(frame);
      highlighter.terminate();
      worker.current = null;
    };
  }, []);

  const request = useCallback(
    (index: number) => {
      const file = files[index];
      if (!file || requested.current.has(index) || !worker.current) return;
      requested.current.add(index);
      const language = languageOf(file.path);
      const lines = file.hunks.flatMap((hunk) => hunk.lines.map((line) => line[3]));
      if (!language || lines.length > largestHighlightedFile) return;
      worker.current.postMessage({ id: index, language, lines } satisfies HighlightRequest);
    },
    [files],
  );

  const tokensOf = useCallback((index: number) => results.current.get(index), []);
  return { request, tokensOf, version };
}
