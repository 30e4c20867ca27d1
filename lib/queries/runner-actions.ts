"use client";

import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { BoardCard } from "@/lib/runners/board";
import { type BoardMoveAction, expectedCard } from "@/lib/runners/board-moves";
import type { RunnerAction } from "@/lib/runners/runner-action-schemas";
import { apiFetch } from "./api-fetch";
import type { BoardData } from "./board";
import { boardQueryKeys } from "./query-keys";
import { refetchRunnerSoon } from "./runner-detail";

/** How long a moved card is shown in its new column while the cache catches up. */
const pendingForMs = 30_000;
let lastToken = 0;

const postAction = (runnerId: string, action: RunnerAction) =>
  apiFetch<{ ok: true }>(`/api/runners/${encodeURIComponent(runnerId)}/actions`, {
    method: "POST",
    body: action,
  });

const nameOf = (card: BoardCard) => `“${card.title ?? "Untitled run"}”`;

/** Shows `expected` in place of the card on every cached board; returns the move's token. */
function showPending(queryClient: QueryClient, expected: BoardCard): number {
  const token = ++lastToken;
  queryClient.setQueriesData<BoardData>({ queryKey: [...boardQueryKeys.all, "cards"] }, (board) =>
    board
      ? {
          ...board,
          pending: { ...board.pending, [expected.id]: { expected, token, until: Date.now() + pendingForMs } },
        }
      : board,
  );
  return token;
}

/** Puts the card back where the cache has it, unless a newer move replaced this one. */
function dropPending(queryClient: QueryClient, cardId: string, token: number): void {
  queryClient.setQueriesData<BoardData>({ queryKey: [...boardQueryKeys.all, "cards"] }, (board) => {
    if (!board || board.pending[cardId]?.token !== token) return board;
    const { [cardId]: _dropped, ...pending } = board.pending;
    return { ...board, pending };
  });
}

const doneSentences: Record<BoardMoveAction, (card: BoardCard) => string> = {
  stop: (card) => `Stopping ${nameOf(card)}.`,
  archive: (card) => `Archived ${nameOf(card)}.`,
  create_pr: (card) => `Opening a pull request for ${nameOf(card)}.`,
  follow_up: (card) => `Follow-up sent to ${nameOf(card)}.`,
};

export interface MoveRunnerInput {
  card: BoardCard;
  /** The follow-up's fields come from its dialog; the other actions take none. */
  action: Extract<RunnerAction, { action: BoardMoveAction }>;
}

/**
 * A card dropped on a column: the card moves at once, the action is sent once, and on failure the
 * card goes back with a toast saying why (the server's sentence, in the person's terms).
 */
export function useMoveRunner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ card, action }: MoveRunnerInput) => postAction(card.id, action),
    onMutate: ({ card, action }) => ({ token: showPending(queryClient, expectedCard(card, action.action)) }),
    onSuccess: (_answer, { card, action }) => {
      toast.success(doneSentences[action.action](card));
    },
    onError: (error, { card }, context) => {
      if (context) dropPending(queryClient, card.id, context.token);
      toast.error(error.message);
    },
  });
}

export type AnswerInput =
  | { card: BoardCard; sessionId: string; refId: string; response: Array<string | string[] | null> }
  | { card: BoardCard; sessionId: string; refId: string; skip: true };

/** Answers (or skips) what a run waits on; the card moves to Running at once. */
export function useAnswerQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AnswerInput) =>
      postAction(
        input.card.id,
        "skip" in input
          ? { action: "skip", sessionId: input.sessionId, refId: input.refId }
          : { action: "answer", sessionId: input.sessionId, refId: input.refId, response: input.response },
      ),
    onMutate: ({ card }) => ({
      token: showPending(queryClient, { ...card, state: "running", interaction: null }),
    }),
    onSuccess: (_answer, input) => {
      void refetchRunnerSoon(queryClient, input.card.id);
      toast.success(
        "skip" in input
          ? `Skipped; ${nameOf(input.card)} carries on.`
          : `Answer sent to ${nameOf(input.card)}.`,
      );
    },
    onError: (error, { card }, context) => {
      if (context) dropPending(queryClient, card.id, context.token);
      toast.error(error.message);
    },
  });
}

const actionSentences: Record<RunnerAction["action"], string> = {
  stop: "Stopping the run.",
  archive: "Run archived.",
  create_pr: "Opening a pull request.",
  follow_up: "Follow-up sent.",
  answer: "Answer sent.",
  skip: "Skipped; the agent carries on.",
  rename: "Run renamed.",
  commit: "Committing to the pull request's branch.",
  redeploy: "Redeploying the session.",
  revert: "Reverted: later sessions are discarded.",
  rebase: "Rebasing on the latest production deploy.",
};

/**
 * An action on the run from its page: sent once, confirmed by a toast, then the page reads the
 * run again once the server has refreshed it (it does so right after answering).
 */
export function useRunnerAction(runnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: RunnerAction) =>
      apiFetch<{ ok: true }>(`/api/runners/${encodeURIComponent(runnerId)}/actions`, {
        method: "POST",
        body: action,
      }),
    // Pending until the run is read again, so its buttons cannot send an action twice (a commit
    // is not idempotent, and each redeploy is a new session) before they show the new state.
    onSuccess: (_answer, action) => {
      toast.success(actionSentences[action.action]);
      return refetchRunnerSoon(queryClient, runnerId);
    },
    onError: (error) => {
      toast.error(error.message);
    },
  });
}
