"use client";

import { type KeyboardEvent, useCallback, useState } from "react";
import { type BoardCard, type BoardColumn, columnOf } from "@/lib/runners/board";
import type { BoardAbilities } from "@/lib/runners/board-moves";
import { cancelledSentence, droppedSentence, overSentence, pickedUpSentence } from "./board-drag";

/** A card picked up from the keyboard, and the column it would drop on. */
export interface KeyboardMove {
  card: BoardCard;
  column: BoardColumn;
}

const nextKeys = new Set(["ArrowRight", "ArrowDown"]);
const previousKeys = new Set(["ArrowLeft", "ArrowUp"]);
const dropKeys = new Set([" ", "Enter"]);

/**
 * Moving a card from the keyboard: Space picks it up, the arrow keys go a column at a time,
 * Space drops, Escape (or leaving the handle) cancels, and each step is announced. Written here
 * rather than with dnd-kit's keyboard sensor, which moves by screen coordinates: in a board that
 * scrolls sideways it scrolls the board instead of changing column, and a column is the only
 * place a card can go.
 */
export function useKeyboardMove(
  columns: readonly BoardColumn[],
  abilities: BoardAbilities,
  onDrop: (card: BoardCard, to: BoardColumn) => void,
) {
  const [moving, setMoving] = useState<KeyboardMove>();
  const [announcement, setAnnouncement] = useState("");

  const onHandleKey = useCallback(
    (card: BoardCard, event: KeyboardEvent) => {
      if (moving?.card.id !== card.id) {
        if (!dropKeys.has(event.key)) return;
        event.preventDefault();
        setMoving({ card, column: columnOf(card) });
        setAnnouncement(pickedUpSentence(card));
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setMoving(undefined);
        setAnnouncement(cancelledSentence(card));
        return;
      }
      if (dropKeys.has(event.key)) {
        event.preventDefault();
        setMoving(undefined);
        setAnnouncement(droppedSentence(card, moving.column));
        if (moving.column !== columnOf(card)) onDrop(card, moving.column);
        return;
      }
      const step = nextKeys.has(event.key) ? 1 : previousKeys.has(event.key) ? -1 : 0;
      if (step === 0) return;
      event.preventDefault();
      const at = columns.indexOf(moving.column);
      const column = columns[Math.min(columns.length - 1, Math.max(0, at + step))] ?? moving.column;
      setMoving({ card, column });
      setAnnouncement(overSentence(card, column, abilities));
    },
    [moving, columns, abilities, onDrop],
  );

  const cancel = useCallback(() => {
    if (!moving) return;
    setAnnouncement(cancelledSentence(moving.card));
    setMoving(undefined);
  }, [moving]);

  return { moving, announcement, onHandleKey, cancel };
}
