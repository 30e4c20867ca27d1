"use client";

import { useDroppable } from "@dnd-kit/core";
import type { BoardCard } from "@/lib/runners/board";
import { type BoardAbilities, boardMove } from "@/lib/runners/board-moves";

/** Shown while a card is dragged and the Archived column is hidden: dropping here archives the run. */
export function ArchiveDropZone({
  card,
  abilities,
  targeted,
}: {
  card: BoardCard;
  abilities: BoardAbilities;
  /** A keyboard move would drop here. */
  targeted: boolean;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: "archived" });
  const move = boardMove(card, "archived", abilities);
  const allowed = move.kind === "action";
  return (
    <section
      ref={setNodeRef}
      aria-label="Archive"
      className={`flex min-h-32 flex-col items-center justify-center gap-1 rounded-xl border-2 border-dashed p-3 text-center text-sm ${
        allowed ? "border-accent text-link" : "border-border text-ink-muted opacity-45"
      } ${allowed && (isOver || targeted) ? "bg-accent-soft" : ""} ${targeted ? "ring-2 ring-accent" : ""}`}
    >
      <span className="font-medium">Archive</span>
      <span className="text-xs">{move.kind === "refused" ? move.reason : "Drop to archive"}</span>
    </section>
  );
}
