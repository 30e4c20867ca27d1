import {
  type Announcements,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  pointerWithin,
  rectIntersection,
} from "@dnd-kit/core";
import { type BoardCard, type BoardColumn, columnTitle } from "@/lib/runners/board";
import { type BoardAbilities, boardMove } from "@/lib/runners/board-moves";

/*
 * How a card is dragged between columns: by pointer over the column under it, and from the
 * keyboard a column at a time, with what a drop would do said out loud at every step.
 */

const nextKeys = new Set(["ArrowRight", "ArrowDown"]);
const previousKeys = new Set(["ArrowLeft", "ArrowUp"]);

/** Arrow keys jump to the next or previous visible column (hidden columns measure zero). */
export const columnByColumn: KeyboardCoordinateGetter = (event, { context }) => {
  const step = nextKeys.has(event.code) ? 1 : previousKeys.has(event.code) ? -1 : 0;
  if (step === 0) return undefined;
  event.preventDefault();
  const columns = [...context.droppableRects.entries()]
    .filter(([, rect]) => rect.width > 0 && rect.height > 0)
    .sort(([, a], [, b]) => a.left - b.left || a.top - b.top);
  if (columns.length === 0) return undefined;
  const currentId = context.over?.id ?? context.active?.data.current?.column;
  const current = columns.findIndex(([id]) => id === currentId);
  const target = columns[Math.min(columns.length - 1, Math.max(0, (current < 0 ? 0 : current) + step))];
  if (!target) return undefined;
  const [, rect] = target;
  return { x: rect.left + rect.width / 2 - (context.collisionRect?.width ?? 0) / 2, y: rect.top + 48 };
};

/** The column under the pointer; from the keyboard (no pointer), the one the card overlaps most. */
export const columnUnderCard: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length > 0 ? underPointer : rectIntersection(args);
};

/** What a screen reader hears while a card is dragged. */
export function dragAnnouncements(
  cardOf: (id: string | number) => BoardCard | undefined,
  abilities: BoardAbilities,
): Announcements {
  const name = (id: string | number) => `“${cardOf(id)?.title ?? "Untitled run"}”`;
  const over = (id: string | number, column: string | number | undefined) => {
    const card = cardOf(id);
    if (!card || column === undefined) return `${name(id)} is not over a column.`;
    const move = boardMove(card, column as BoardColumn, abilities);
    const where = columnTitle(column as BoardColumn);
    if (move.kind === "same") return `${name(id)} is back in ${where}.`;
    if (move.kind === "refused") return `${name(id)} is over ${where}. Not allowed: ${move.reason}`;
    return `${name(id)} is over ${where}. Dropping it here will ${verbs[move.action]}.`;
  };
  return {
    onDragStart: ({ active }) =>
      `Picked up ${name(active.id)}. Use the arrow keys to move between columns, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over: target }) => over(active.id, target?.id),
    onDragEnd: ({ active, over: target }) =>
      target
        ? `${name(active.id)} was dropped on ${columnTitle(target.id as BoardColumn)}.`
        : `${name(active.id)} was dropped.`,
    onDragCancel: ({ active }) => `Moving ${name(active.id)} was cancelled; it stays where it was.`,
  };
}

const verbs = {
  stop: "stop the run",
  archive: "archive it, after you confirm",
  create_pr: "open a pull request",
  follow_up: "open the follow-up form",
} as const;

export const dragInstructions =
  "To pick up a run, focus its drag handle and press Space. Use the arrow keys to move between columns, Space to drop, Escape to cancel.";
