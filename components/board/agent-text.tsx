/**
 * Text the agent wrote (titles, tasks, questions): untrusted, so it is only ever text nodes.
 * `backticks` become inline code, nothing else is interpreted.
 */
export function AgentText({ text }: { text: string }) {
  const parts = text.split(/(`[^`\n]+`)/g);
  return (
    <>
      {parts.map((part, index) =>
        part.length > 2 && part.startsWith("`") && part.endsWith("`") ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never reorder
          <code key={index} className="rounded bg-surface-muted px-1 font-mono text-[0.92em]">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
