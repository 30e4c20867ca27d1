import { highlightLines } from "@/lib/diffs/highlight-lines";

/** Highlights one file's lines off the main thread, so scrolling never waits on it. */
export interface HighlightRequest {
  id: number;
  language: string;
  lines: string[];
}

self.onmessage = (event: MessageEvent<HighlightRequest>) => {
  const { id, language, lines } = event.data;
  self.postMessage({ id, tokens: highlightLines(language, lines) });
};
