"use client";

import { useDraggable } from "@dnd-kit/core";
import Link from "next/link";
import { type KeyboardEvent, memo } from "react";
import { type BoardCard, type BoardColumn, columnOf, isKnownState, netlifyRunUrl } from "@/lib/runners/board";
import type { BoardAbilities } from "@/lib/runners/board-moves";
import { AgentText } from "./agent-text";
import { CardPrBadge } from "./card-pr-badge";
import { CardQuestions } from "./card-questions";
import { CardTimes } from "./card-times";
import { MoveMenu } from "./move-menu";

const link = "text-link underline-offset-2 hover:underline";

function startedBy(card: BoardCard): string | null {
  if (!card.startedBy) return null;
  return card.startedBy.kind === "key" ? `via key ${card.startedBy.name}` : `by ${card.startedBy.name}`;
}

/**
 * One run on the board. It is dragged by its grip (so a touch screen still scrolls the board
 * everywhere else), picked up from the keyboard with Space on the grip, or moved with "Move to…".
 */
export const RunnerCard = memo(function RunnerCard({
  card,
  abilities,
  now,
  onMove,
  onHandleKey,
  onHandleBlur,
  picked = false,
  dragging = false,
}: {
  card: BoardCard;
  abilities: BoardAbilities;
  now: number;
  onMove: (card: BoardCard, to: BoardColumn) => void;
  /** Keyboard moves: the grip's keys go to the board, which knows the columns. */
  onHandleKey?: (card: BoardCard, event: KeyboardEvent<HTMLButtonElement>) => void;
  onHandleBlur?: () => void;
  /** Picked up from the keyboard. */
  picked?: boolean;
  /** Rendered in the drag overlay. */
  dragging?: boolean;
}) {
  const title = card.title ?? "Untitled run";
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: card.id,
    data: { column: columnOf(card) },
    disabled: !abilities.write,
  });
  const who = startedBy(card);
  return (
    <article
      ref={setNodeRef}
      aria-label={title}
      className={`flex flex-col gap-2 rounded-lg border bg-surface p-3 text-sm shadow-sm ${
        card.state === "await_input" ? "border-warn-ink/40" : "border-border"
      } ${isDragging && !dragging ? "opacity-40" : ""} ${dragging || picked ? "shadow-lg ring-2 ring-accent" : ""}`}
    >
      <div className="flex items-start gap-2">
        <h3 className="min-w-0 flex-1 font-medium leading-snug break-words">
          {/* Opens the run in a side panel over the board, at the run's own URL. */}
          <Link href={`/runners/${encodeURIComponent(card.id)}`} className="hover:underline" scroll={false}>
            <AgentText text={title} />
          </Link>
        </h3>
        {abilities.write ? (
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            onKeyDown={(event) => onHandleKey?.(card, event)}
            onBlur={onHandleBlur}
            aria-pressed={picked}
            aria-label={`Drag “${title}”`}
            className="-m-1 flex size-8 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-ink-muted hover:bg-surface-muted"
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 fill-current">
              <circle cx="5" cy="3" r="1.3" />
              <circle cx="11" cy="3" r="1.3" />
              <circle cx="5" cy="8" r="1.3" />
              <circle cx="11" cy="8" r="1.3" />
              <circle cx="5" cy="13" r="1.3" />
              <circle cx="11" cy="13" r="1.3" />
            </svg>
          </button>
        ) : null}
      </div>
      {isKnownState(card.state) ? null : (
        <p className="text-xs text-ink-muted">
          State <span className="font-mono">{card.state}</span>
        </p>
      )}
      {card.failureReason ? <p className="text-xs text-danger-ink">{card.failureReason}</p> : null}
      {card.currentTask && (card.state === "running" || card.state === "new") ? (
        <p className="flex items-center gap-2 text-xs text-ink-muted" title={card.currentTask}>
          <span aria-hidden="true" className="size-2 shrink-0 animate-pulse rounded-full bg-accent" />
          <span className="line-clamp-2">
            <AgentText text={card.currentTask} />
          </span>
        </p>
      ) : null}
      {card.interaction ? (
        <CardQuestions card={card} interaction={card.interaction} canAnswer={abilities.write} />
      ) : null}
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-ink-muted">
        <span>{card.siteName}</span>
        {card.agent ? <span>{card.model ? `${card.agent} · ${card.model}` : card.agent}</span> : null}
        {card.branch ? <span className="font-mono break-all">{card.branch}</span> : null}
        {who ? <span>{who}</span> : null}
      </p>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs">
        <CardPrBadge card={card} />
        {card.deployUrl ? (
          <a href={card.deployUrl} target="_blank" rel="noreferrer" className={link}>
            Preview
          </a>
        ) : null}
        {card.hasDiff ? <span className="text-ink-muted">Has changes</span> : null}
        <a
          href={netlifyRunUrl(card)}
          target="_blank"
          rel="noreferrer"
          className={link}
          aria-label={`Open “${title}” in Netlify`}
        >
          Netlify
        </a>
        <CardTimes card={card} now={now} />
      </div>
      {abilities.write && !dragging ? (
        <div className="flex justify-end">
          <MoveMenu card={card} abilities={abilities} onMove={(to) => onMove(card, to)} />
        </div>
      ) : null}
    </article>
  );
});
