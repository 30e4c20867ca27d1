import type { DiffLine } from "@/lib/diffs/diff-schemas";
import type { HighlightToken } from "@/lib/diffs/highlight-lines";

const tones = {
  "+": "bg-added-soft",
  "-": "bg-danger-soft",
  " ": "",
} as const;

const spoken = { "+": "added", "-": "removed", " ": "" } as const;

/** A line's text: highlighted spans when the worker answered, plain text until then. Always text nodes. */
function LineText({ text, tokens }: { text: string; tokens: HighlightToken[] | undefined }) {
  if (!tokens) return <>{text}</>;
  return (
    <>
      {tokens.map(([className, part], index) =>
        className ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the spans of one line never reorder
          <span key={index} className={className}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** One side of a line: its number, its sign and its code, coloured by kind. */
export function DiffLineCells({
  line,
  number,
  tokens,
}: {
  line: DiffLine | null;
  number: "old" | "new" | "both";
  tokens: HighlightToken[] | undefined;
}) {
  if (!line) return <div className="min-w-0 flex-1 bg-surface-muted/50" />;
  const [kind, oldNo, newNo, text] = line;
  return (
    <div className={`flex flex-1 ${tones[kind]}`}>
      {number !== "new" ? (
        <span aria-hidden="true" className="w-12 shrink-0 pr-2 text-right text-ink-muted select-none">
          {oldNo ?? ""}
        </span>
      ) : null}
      {number !== "old" ? (
        <span aria-hidden="true" className="w-12 shrink-0 pr-2 text-right text-ink-muted select-none">
          {newNo ?? ""}
        </span>
      ) : null}
      <span aria-hidden="true" className="w-4 shrink-0 select-none">
        {kind === " " ? "" : kind}
      </span>
      <code className="flex-1 whitespace-pre">
        {spoken[kind] ? <span className="sr-only">{spoken[kind]}: </span> : null}
        <LineText text={text} tokens={tokens} />
      </code>
    </div>
  );
}
