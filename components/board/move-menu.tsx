"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { type BoardCard, type BoardColumn, boardColumns, columnOf } from "@/lib/runners/board";
import { type BoardAbilities, boardMove } from "@/lib/runners/board-moves";

/**
 * The non-drag way to move a card: every column, with the ones it cannot go to disabled and
 * the reason beside them.
 */
export function MoveMenu({
  card,
  abilities,
  onMove,
}: {
  card: BoardCard;
  abilities: BoardAbilities;
  onMove: (to: BoardColumn) => void;
}) {
  const from = columnOf(card);
  return (
    // Not modal: a modal menu locks the page's scroll and hides the rest from assistive tech with
    // a style sheet and attributes it takes away again on close, which restyles the whole board
    // just as the moved card is drawn.
    <Menu.Root modal={false}>
      <Menu.Trigger
        aria-label={`Move “${card.title ?? "Untitled run"}” to…`}
        className="h-7 rounded-md border border-border px-2 text-xs hover:bg-surface-muted"
      >
        Move to…
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={4}
          className="z-50 w-72 rounded-lg border border-border bg-surface p-1 text-sm text-ink shadow-lg"
        >
          {boardColumns
            .filter(({ id }) => id !== from)
            .map((column) => {
              const move = boardMove(card, column.id, abilities);
              return (
                <Menu.Item
                  key={column.id}
                  disabled={move.kind !== "action"}
                  onSelect={() => onMove(column.id)}
                  className="flex cursor-default flex-col rounded-md px-2 py-1.5 outline-none data-[disabled]:opacity-60 data-[highlighted]:bg-surface-muted"
                >
                  <span className="font-medium">{column.title}</span>
                  {move.kind === "refused" ? (
                    <span className="text-xs text-ink-muted">{move.reason}</span>
                  ) : null}
                </Menu.Item>
              );
            })}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
