import { queryOptions } from "@tanstack/react-query";
import { type BoardCard, columnOf } from "@/lib/runners/board";
import type { BoardOutput } from "@/lib/runners/board-schemas";
import { apiFetch } from "./api-fetch";
import { boardQueryKeys } from "./query-keys";

/**
 * A card moved by the person, shown as it will be (`expected`) from the drop until the cache
 * agrees or `until` passes. Keyed by card and named by a token, so a late failure of an older
 * move never undoes a newer one.
 */
export interface PendingMove {
  expected: BoardCard;
  token: number;
  until: number;
}

/** The board in the query cache: the server's answer plus what live updates need. */
export interface BoardData extends BoardOutput {
  /**
   * The cursor before the last answer, which the next request asks from. Change numbers are
   * taken when a write starts, so one can become visible after a higher one: asking one answer
   * back picks such a change up on the next update. Cards are replaced whole, so seeing one
   * twice changes nothing.
   */
  since: number;
  pending: Record<string, PendingMove>;
}

export const toBoardData = (output: BoardOutput): BoardData => ({
  ...output,
  since: output.cursor,
  pending: {},
});

/** The board, with or without archived runners; kept fresh by live updates, never refetched on a timer. */
export const boardQueryOptions = (archived: boolean) =>
  queryOptions({
    queryKey: boardQueryKeys.cards(archived),
    queryFn: async () => toBoardData(await apiFetch<BoardOutput>(`/api/board?archived=${archived ? 1 : 0}`)),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

/** Moves still waiting for the cache: dropped once the card reached its column, or too old. */
export function livePending(data: BoardData, now = Date.now()): Record<string, PendingMove> {
  const byId = new Map(data.cards.map((card) => [card.id, card]));
  const kept = Object.entries(data.pending).filter(([id, move]) => {
    const card = byId.get(id);
    return move.until > now && card !== undefined && columnOf(card) !== columnOf(move.expected);
  });
  return kept.length === Object.keys(data.pending).length ? data.pending : Object.fromEntries(kept);
}

/** The cards as the board shows them: the cache's, with pending moves laid over. */
export function shownCards(data: BoardData, archived: boolean): BoardCard[] {
  const pending = livePending(data);
  return data.cards
    .map((card) => pending[card.id]?.expected ?? card)
    .filter((card) => archived || card.state !== "archived");
}
