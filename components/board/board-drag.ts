import { type Announcements, type CollisionDetection, pointerWithin, rectIntersection } from "@dnd-kit/core";
import { type BoardCard, type BoardColumn, columnTitle } from "@/lib/runners/board";
import { type BoardAbilities, boardMove } from "@/lib/runners/board-moves";

/*
 * What a person hears and sees while moving a card, whether by pointer (dnd-kit) or from the
 * keyboard (use-keyboard-move.ts): the same sentences for both.
 */

const verbs = {
  stop: "stop the run",
  archive: "archive it, after you confirm",
  create_pr: "open a pull request",
  follow_up: "open the follow-up form",
} as const;

const nameOf = (card: BoardCard | undefined) => `“${card?.title ?? "Untitled run"}”`;

export const pickedUpSentence = (card: BoardCard | undefined) =>
  `Picked up ${nameOf(card)}. Use the arrow keys to move between columns, Space to drop, Escape to cancel.`;

export const cancelledSentence = (card: BoardCard | undefined) =>
  `Moving ${nameOf(card)} was cancelled; it stays where it was.`;

export const droppedSentence = (card: BoardCard | undefined, column: BoardColumn) =>
  `${nameOf(card)} was dropped on ${columnTitle(column)}.`;

/** Where the card is, and what dropping it there would do (or why it would not). */
export function overSentence(
  card: BoardCard | undefined,
  column: BoardColumn | undefined,
  abilities: BoardAbilities,
) {
  if (!card || column === undefined) return `${nameOf(card)} is not over a column.`;
  const move = boardMove(card, column, abilities);
  const where = columnTitle(column);
  if (move.kind === "same") return `${nameOf(card)} is back in ${where}.`;
  if (move.kind === "refused") return `${nameOf(card)} is over ${where}. Not allowed: ${move.reason}`;
  return `${nameOf(card)} is over ${where}. Dropping it here will ${verbs[move.action]}.`;
}

/** The column under the pointer, else the one the dragged card overlaps most. */
export const columnUnderCard: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length > 0 ? underPointer : rectIntersection(args);
};

/** What a screen reader hears while a card is dragged by pointer. */
export function dragAnnouncements(
  cardOf: (id: string | number) => BoardCard | undefined,
  abilities: BoardAbilities,
): Announcements {
  return {
    onDragStart: ({ active }) => pickedUpSentence(cardOf(active.id)),
    onDragOver: ({ active, over }) =>
      overSentence(cardOf(active.id), over?.id as BoardColumn | undefined, abilities),
    onDragEnd: ({ active, over }) =>
      over
        ? droppedSentence(cardOf(active.id), over.id as BoardColumn)
        : `${nameOf(cardOf(active.id))} was dropped.`,
    onDragCancel: ({ active }) => cancelledSentence(cardOf(active.id)),
  };
}

export const dragInstructions =
  "To move a run, focus its drag handle and press Space. Use the arrow keys to move between columns, Space to drop, Escape to cancel.";
