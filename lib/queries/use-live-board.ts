"use client";

import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { applyBoardChanges } from "@/lib/runners/board";
import type { BoardChangesOutput } from "@/lib/runners/board-schemas";
import { ApiRequestError, apiFetch } from "./api-fetch";
import { type BoardData, boardQueryOptions, livePending } from "./board";

/** How often a board without server-sent events (or between two streams) asks for changes. */
const pollMs = 3_000;

/** Patches the cached board with every change after what it has seen: only changed cards are replaced. */
async function pullChanges(queryClient: QueryClient, archived: boolean): Promise<void> {
  const { queryKey } = boardQueryOptions(archived);
  const start = queryClient.getQueryData<BoardData>(queryKey);
  if (!start) return;
  let since = start.since;
  let cursor = start.cursor;
  for (;;) {
    const changes = await apiFetch<BoardChangesOutput>(`/api/board/changes?since=${since}`);
    cursor = Math.max(cursor, changes.cursor);
    queryClient.setQueryData<BoardData>(queryKey, (board) => {
      if (!board) return board;
      const patched = { ...board, cards: applyBoardChanges(board.cards, changes) };
      return { ...patched, pending: livePending(patched) };
    });
    if (!changes.more) break;
    since = changes.cursor;
  }
  queryClient.setQueryData<BoardData>(queryKey, (board) =>
    board ? { ...board, cursor, since: start.cursor } : board,
  );
}

/** The session ended (signed out, access removed): nothing more will be answered. */
const refusedForGood = (error: unknown) =>
  error instanceof ApiRequestError && (error.status === 401 || error.status === 403);

/**
 * Keeps the cached board live: `/api/board/events` says when the cache changed, and the changes
 * are then pulled and patched in card by card. While no event stream is open (a browser or
 * proxy that cannot hold one, a stream reconnecting) changes are polled instead. A hidden tab
 * closes its stream, since browsers allow an origin only a few connections across all its tabs;
 * it stops polling too (and so stops keeping its sites watched) unless `whileHidden`, when its
 * person wants to be notified. Once the server refuses the session, it stops. One pull at a
 * time; a signal during a pull asks for one more.
 */
export function useLiveBoard(
  archived: boolean,
  { enabled = true, whileHidden = false }: { enabled?: boolean; whileHidden?: boolean } = {},
): void {
  const queryClient = useQueryClient();
  const state = useRef({ pulling: false, again: false });
  // Read by the polling timer; a change must not restart the stream.
  const pollWhileHidden = useRef(whileHidden);
  useEffect(() => {
    pollWhileHidden.current = whileHidden;
  }, [whileHidden]);
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let source: EventSource | undefined;
    let streaming = false;
    const close = () => {
      source?.close();
      source = undefined;
      streaming = false;
    };
    const followVisibility = () => (document.visibilityState === "visible" ? open() : close());
    const poll = setInterval(() => {
      if (!streaming && (document.visibilityState === "visible" || pollWhileHidden.current)) void pull();
    }, pollMs);
    const stop = () => {
      stopped = true;
      clearInterval(poll);
      document.removeEventListener("visibilitychange", followVisibility);
      close();
    };
    const pull = async () => {
      if (state.current.pulling) {
        state.current.again = true;
        return;
      }
      state.current.pulling = true;
      try {
        do {
          state.current.again = false;
          await pullChanges(queryClient, archived).catch((error: unknown) => {
            if (refusedForGood(error)) stop();
          });
        } while (state.current.again && !stopped);
      } finally {
        state.current.pulling = false;
      }
    };
    function open() {
      if (stopped || source || typeof EventSource === "undefined") return;
      source = new EventSource("/api/board/events");
      source.onmessage = (event: MessageEvent<string>) => {
        streaming = true;
        const { cursor } = JSON.parse(event.data) as { cursor: number };
        const board = queryClient.getQueryData<BoardData>(boardQueryOptions(archived).queryKey);
        if (board && cursor !== board.cursor) void pull();
      };
      // EventSource reconnects by itself after a stream ends; polling covers the gap meanwhile.
      source.onerror = () => {
        streaming = false;
        // Refused outright (signed out, an error status): polling takes over, and stops on a 401.
        if (source?.readyState === EventSource.CLOSED) source = undefined;
      };
    }
    followVisibility();
    document.addEventListener("visibilitychange", followVisibility);
    return stop;
  }, [queryClient, archived, enabled]);
}
