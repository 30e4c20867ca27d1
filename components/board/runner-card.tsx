import type { BoardCard } from "@/lib/runners/board";

const timeFormat = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

export function RunnerCard({ card, showState = false }: { card: BoardCard; showState?: boolean }) {
  return (
    <article
      aria-label={card.title ?? "Untitled runner"}
      className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-3 text-sm shadow-sm"
    >
      <h3 className="font-medium leading-snug">{card.title ?? "Untitled runner"}</h3>
      {showState ? (
        <p className="text-xs text-ink-muted">
          State <span className="font-mono">{card.state}</span>
        </p>
      ) : null}
      {card.state === "running" && card.currentTask ? (
        <p className="flex items-center gap-2 text-xs text-ink-muted">
          <span aria-hidden="true" className="size-2 shrink-0 animate-pulse rounded-full bg-accent" />
          <span className="truncate">{card.currentTask}</span>
        </p>
      ) : null}
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-ink-muted">
        <span>{card.siteName}</span>
        {card.branch ? <span className="font-mono">{card.branch}</span> : null}
        {card.creatorName ? <span>by {card.creatorName}</span> : null}
      </p>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        {card.prUrl ? (
          <a
            href={card.prUrl}
            className="rounded-full bg-accent-soft px-2 py-0.5 font-medium text-accent"
            rel="noreferrer"
            target="_blank"
          >
            PR #{card.prNumber} · {card.prState}
          </a>
        ) : null}
        {card.deployUrl ? (
          <a
            href={card.deployUrl}
            className="text-accent underline-offset-2 hover:underline"
            rel="noreferrer"
            target="_blank"
          >
            Preview
          </a>
        ) : null}
        <time className="ml-auto text-ink-muted" dateTime={card.lastActivityAt}>
          {timeFormat.format(new Date(card.lastActivityAt))}
        </time>
      </div>
    </article>
  );
}
