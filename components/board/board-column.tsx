"use client";

import { useDroppable } from "@dnd-kit/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useRef } from "react";
import { virtualizeLists } from "@/lib/list-rendering";
import type { BoardCard, BoardColumn } from "@/lib/runners/board";
import type { BoardAbilities, BoardMove } from "@/lib/runners/board-moves";
import { RunnerCard } from "./runner-card";

/** What the column says while a card is dragged over the board: the action a drop starts, or why not. */
export type DropHint = { move: BoardMove; label: string } | undefined;

const actionLabels = {
  stop: "Drop to stop the run",
  archive: "Drop to archive",
  create_pr: "Drop to open a pull request",
  follow_up: "Drop to send a follow-up",
} as const;

export const dropHintFor = (move: BoardMove): DropHint =>
  move.kind === "action"
    ? { move, label: actionLabels[move.action] }
    : move.kind === "refused"
      ? { move, label: move.reason }
      : undefined;

/**
 * One column: a drop target, a heading with its count, and its cards in a list of its own that
 * scrolls by itself and renders only the cards in view (a column can hold thousands).
 */
export function BoardColumnView({
  column,
  cards,
  abilities,
  now,
  hint,
  shownOnPhone,
  targeted,
  movingId,
  onMove,
  onHandleKey,
  onHandleBlur,
}: {
  column: { id: BoardColumn; title: string; hint: string };
  cards: BoardCard[];
  abilities: BoardAbilities;
  now: number;
  hint: DropHint;
  shownOnPhone: boolean;
  /** The column a keyboard move would drop on. */
  targeted: boolean;
  movingId: string | undefined;
  onMove: (card: BoardCard, to: BoardColumn) => void;
  onHandleKey: (card: BoardCard, event: KeyboardEvent<HTMLButtonElement>) => void;
  onHandleBlur: () => void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: column.id });
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 150,
    overscan: 6,
    getItemKey: (index) => cards[index]?.id ?? index,
    enabled: virtualizeLists,
  });
  // The benchmark's baseline: every card, in the same markup, in normal flow.
  const rows = virtualizeLists
    ? virtualizer.getVirtualItems()
    : cards.map((card, index) => ({ key: card.id, index, start: 0 }));
  const refused = hint?.move.kind === "refused";
  const headingId = `column-${column.id}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      className={`${shownOnPhone ? "flex" : "hidden md:flex"} relative min-w-0 flex-col gap-2 rounded-xl p-2 transition-opacity ${
        column.id === "needs_you" ? "bg-warn-soft/60" : "bg-surface-muted/60"
      } ${refused ? "opacity-45" : ""} ${(hint && !refused && isOver) || targeted ? "ring-2 ring-accent" : ""}`}
    >
      <h2
        id={headingId}
        className="flex items-center justify-between gap-2 px-1 text-sm font-medium"
        title={column.hint}
      >
        <span>{column.title}</span>
        <span className="rounded-full bg-surface px-2 py-0.5 text-xs text-ink-muted">
          <span className="sr-only">, </span>
          {cards.length}
          <span className="sr-only"> {cards.length === 1 ? "run" : "runs"}</span>
        </span>
      </h2>
      {hint ? (
        <p className={`px-1 text-xs ${refused ? "text-ink-muted" : "font-medium text-link"}`}>{hint.label}</p>
      ) : null}
      <div ref={scroller} className="max-h-[calc(100dvh-15rem)] min-h-24 overflow-y-auto pr-1">
        {cards.length === 0 ? (
          <p className="px-1 py-6 text-center text-xs text-ink-muted">No runs</p>
        ) : (
          <ul
            aria-label={`${column.title} runs`}
            className="relative"
            style={virtualizeLists ? { height: virtualizer.getTotalSize() } : undefined}
          >
            {rows.map((item) => {
              const card = cards[item.index];
              if (!card) return null;
              return (
                <li
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizeLists ? virtualizer.measureElement : undefined}
                  className={virtualizeLists ? "absolute inset-x-0 pb-2" : "pb-2"}
                  style={virtualizeLists ? { transform: `translateY(${item.start}px)` } : undefined}
                >
                  <RunnerCard
                    card={card}
                    abilities={abilities}
                    now={now}
                    onMove={onMove}
                    onHandleKey={onHandleKey}
                    onHandleBlur={onHandleBlur}
                    picked={card.id === movingId}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
