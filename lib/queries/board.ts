"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { applyBoardChanges, type BoardCard, type BoardSeed } from "@/lib/runners/board";
import type { BoardChangesOutput } from "@/lib/runners/board-schemas";
import { apiFetch } from "./api-fetch";
import { boardQueryKeys } from "./query-keys";

/** How often a board without server-sent events (or between two streams) asks for changes. */
const pollMs = 3_000;

interface LiveBoard {
  cards: BoardCard[];
  cursor: number;
  /**
   * The cursor before the last answer, which the next request asks from. Change numbers are
   * taken when a write starts, so one can become visible after a higher one: asking one answer
   * back picks such a change up on the next update. Cards are replaced whole, so seeing one
   * twice changes nothing.
   */
  since: number;
}

const fromSeed = (seed: BoardSeed): LiveBoard => ({
  cards: seed.cards,
  cursor: seed.cursor,
  since: seed.cursor,
});

async function pullChanges(board: LiveBoard): Promise<LiveBoard> {
  let { cards } = board;
  let since = board.since;
  for (;;) {
    const changes = await apiFetch<BoardChangesOutput>(`/api/board/changes?since=${since}`);
    cards = applyBoardChanges(cards, changes);
    if (!changes.more) {
      const cursor = Math.max(board.cursor, changes.cursor);
      return { cards, cursor, since: board.cursor };
    }
    since = changes.cursor;
  }
}

/**
 * The board's cards, kept live: seeded from the server render, then patched from
 * `/api/board/changes` whenever the server-sent events say the board changed. While no event
 * stream is open (a browser or proxy that cannot hold one, a stream reconnecting) the changes
 * are polled instead. A hidden tab closes its stream and stops polling, so it also stops
 * keeping its sites watched.
 */
export function useLiveBoard(seed: BoardSeed): BoardCard[] {
  const queryClient = useQueryClient();
  const queryKey = boardQueryKeys.live(seed.cursor);
  const [streaming, setStreaming] = useState(false);
  const query = useQuery({
    queryKey,
    queryFn: () => pullChanges(queryClient.getQueryData<LiveBoard>(queryKey) ?? fromSeed(seed)),
    initialData: () => fromSeed(seed),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchInterval: streaming ? false : pollMs,
  });

  const onCursor = useRef<(cursor: number) => void>(() => undefined);
  onCursor.current = (cursor) => {
    if (cursor !== query.data.cursor) void query.refetch();
  };
  useBoardEvents((cursor) => onCursor.current(cursor), setStreaming);
  return query.data.cards;
}

/** Follows `/api/board/events` while the tab is visible; `onStreaming` says whether events arrive. */
function useBoardEvents(onCursor: (cursor: number) => void, onStreaming: (streaming: boolean) => void) {
  const handlers = useRef({ onCursor, onStreaming });
  handlers.current = { onCursor, onStreaming };
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | undefined;
    const close = () => {
      source?.close();
      source = undefined;
      handlers.current.onStreaming(false);
    };
    const open = () => {
      if (source) return;
      source = new EventSource("/api/board/events");
      source.onmessage = (event: MessageEvent<string>) => {
        handlers.current.onStreaming(true);
        const { cursor } = JSON.parse(event.data) as { cursor: number };
        handlers.current.onCursor(cursor);
      };
      // EventSource reconnects by itself after a stream ends; polling covers the gap meanwhile.
      source.onerror = () => {
        handlers.current.onStreaming(false);
        // Refused outright (signed out, an error status): polling takes over until the tab is shown again.
        if (source?.readyState === EventSource.CLOSED) source = undefined;
      };
    };
    const followVisibility = () => (document.visibilityState === "visible" ? open() : close());
    followVisibility();
    document.addEventListener("visibilitychange", followVisibility);
    return () => {
      document.removeEventListener("visibilitychange", followVisibility);
      close();
    };
  }, []);
}
