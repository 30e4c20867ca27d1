import parseDiff from "parse-diff";
import { collapseReason } from "./collapse-rules";
import type { DiffFile, DiffHunk, DiffLine } from "./diff-schemas";

/*
 * A unified diff (Netlify's text/plain) into files the viewer renders. Parsing is parse-diff's;
 * this only reshapes its output into compact lines and decides what starts folded.
 */

const devNull = "/dev/null";

function hunkOf(chunk: parseDiff.Chunk): DiffHunk {
  const lines: DiffLine[] = chunk.changes.map((change) => {
    const text = change.content.slice(1);
    if (change.type === "add") return ["+", null, change.ln, text];
    if (change.type === "del") return ["-", change.ln, null, text];
    return [" ", change.ln1, change.ln2, text];
  });
  return { header: chunk.content, lines };
}

export function parseDiffFiles(text: string): DiffFile[] {
  return parseDiff(text).map((file) => {
    const to = file.to && file.to !== devNull ? file.to : undefined;
    const from = file.from && file.from !== devNull ? file.from : undefined;
    const path = to ?? from ?? "(unnamed file)";
    const status = file.new
      ? "added"
      : file.deleted
        ? "deleted"
        : from && to && from !== to
          ? "renamed"
          : "modified";
    const hunks = file.chunks.map(hunkOf);
    return {
      path,
      oldPath: status === "renamed" ? (from ?? null) : null,
      status,
      additions: file.additions,
      deletions: file.deletions,
      collapsed: collapseReason(path, {
        additions: file.additions,
        deletions: file.deletions,
        hasText: hunks.length > 0,
      }),
      hunks,
    };
  });
}
