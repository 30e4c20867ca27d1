import type { BoardCard } from "@/lib/runners/board";

const tones: Record<string, string> = {
  open: "bg-accent-soft text-link",
  draft: "bg-surface-muted text-ink-muted",
  merged: "bg-merged-soft text-merged-ink",
  closed: "bg-danger-soft text-danger-ink",
};

/** The run's pull request: its state, the one being opened, or why opening it failed. */
export function CardPrBadge({ card }: { card: BoardCard }) {
  if (card.prError)
    return (
      <span className="rounded-full bg-danger-soft px-2 py-0.5 font-medium text-danger-ink">
        PR failed: {card.prError}
      </span>
    );
  if (card.prIsBeingCreated && !card.prUrl)
    return <span className="rounded-full bg-surface-muted px-2 py-0.5 text-ink-muted">Opening PR…</span>;
  if (!card.prUrl) return null;
  const state = card.prState ?? "open";
  return (
    <a
      href={card.prUrl}
      target="_blank"
      rel="noreferrer"
      className={`rounded-full px-2 py-0.5 font-medium underline-offset-2 hover:underline ${tones[state] ?? tones.draft}`}
    >
      PR #{card.prNumber} {state}
    </a>
  );
}
