import type { ElementContent, RootContent } from "hast";
import { common, createLowlight } from "lowlight";

/*
 * Syntax highlighting of diff lines, as plain data: each line becomes spans of text with the
 * highlighter's class (or none). It runs in a worker (components/diff/highlight-worker.ts), and
 * the page renders the spans as text: nothing the highlighter produces is parsed as HTML.
 */

/** One span of a highlighted line: its class (`hljs-keyword`…, or "") and its text. */
export type HighlightToken = [className: string, text: string];

const lowlight = createLowlight(common);

/** Lines longer than this are left plain: highlighting them costs more than it helps. */
const longestHighlightedLine = 1_000;

function flatten(
  nodes: readonly (RootContent | ElementContent)[],
  className: string,
  into: HighlightToken[],
) {
  for (const node of nodes) {
    if (node.type === "text") into.push([className, node.value]);
    else if (node.type === "element") {
      const own = node.properties.className;
      const classes = Array.isArray(own) ? own.join(" ") : className;
      flatten(node.children, classes || className, into);
    }
  }
}

/** Each line highlighted on its own (a diff shows pieces of files, not whole ones). */
export function highlightLines(language: string, lines: readonly string[]): HighlightToken[][] {
  if (!lowlight.registered(language)) return lines.map((line) => [["", line]]);
  return lines.map((line) => {
    if (line.length > longestHighlightedLine) return [["", line]];
    const tokens: HighlightToken[] = [];
    flatten(lowlight.highlight(language, line).children, "", tokens);
    return tokens;
  });
}
