"use client";

import { useLiveBoard } from "@/lib/queries/board";
import type { BoardSeed } from "@/lib/runners/board";
import { BoardColumns } from "./board-columns";

/** The board's columns, following changes to the cache as they happen (no reload, no flashing). */
export function LiveBoard({ seed }: { seed: BoardSeed }) {
  return <BoardColumns cards={useLiveBoard(seed)} />;
}
