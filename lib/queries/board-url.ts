"use client";

import { parseAsBoolean, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { boardColumns } from "@/lib/runners/board";
import { boardSorts } from "@/lib/runners/board-filters";

const columnIds = boardColumns.map(({ id }) => id);

/** The board's view in the URL: filters, sort, the archive toggle and the phone's column. */
export const boardUrlState = {
  site: parseAsString,
  agent: parseAsString,
  state: parseAsStringLiteral(columnIds),
  q: parseAsString.withDefault(""),
  mine: parseAsBoolean.withDefault(false),
  sort: parseAsStringLiteral(boardSorts.map(({ id }) => id)).withDefault("activity"),
  archived: parseAsBoolean.withDefault(false),
  /** Which column a phone shows (one at a time). */
  show: parseAsStringLiteral(columnIds).withDefault("needs_you"),
};

export function useBoardUrl() {
  // Typing in the search field rewrites the URL without a history entry per keystroke.
  return useQueryStates(boardUrlState, { history: "replace" });
}
