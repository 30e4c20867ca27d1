import { type BoardCard, type BoardColumn, columnOf, columnTitle } from "./board";

/*
 * What dragging a card from one column to another does. A move is an API action on the run,
 * never a status edit: only moves that map to a real upstream transition are allowed, and every
 * other one is refused with a sentence saying why (shown while dragging and announced).
 */

/** An action a drop starts; the follow-up asks for its prompt in a dialog first. */
export type BoardMoveAction = "stop" | "archive" | "create_pr" | "follow_up";

export type BoardMove =
  | { kind: "action"; action: BoardMoveAction; to: BoardColumn }
  | { kind: "refused"; reason: string }
  | { kind: "same" };

/** What the signed-in person may do on the board. */
export interface BoardAbilities {
  write: boolean;
  deploy: boolean;
}

const finished: ReadonlySet<BoardColumn> = new Set([
  "needs_review",
  "pr_open",
  "merged",
  "failed",
  "cancelled",
]);
const followUpFrom: ReadonlySet<BoardColumn> = new Set(["needs_review", "failed", "cancelled"]);

/** The action a move stands for, or why there is none. */
export function boardMove(card: BoardCard, to: BoardColumn, abilities: BoardAbilities): BoardMove {
  const from = columnOf(card);
  if (from === to) return { kind: "same" };
  if (!abilities.write) return { kind: "refused", reason: "You can look at the board but not change runs." };
  const action = actionFor(from, to);
  if (typeof action !== "string") return { kind: "refused", reason: action.reason };
  if (action === "create_pr" && !abilities.deploy)
    return { kind: "refused", reason: "Opening a pull request needs deploy rights, which you do not have." };
  return { kind: "action", action, to };
}

function actionFor(from: BoardColumn, to: BoardColumn): BoardMoveAction | { reason: string } {
  if ((from === "running" || from === "new") && to === "cancelled") return "stop";
  if (finished.has(from) && to === "archived") return "archive";
  if (from === "needs_review" && to === "pr_open") return "create_pr";
  if (followUpFrom.has(from) && to === "running") return "follow_up";
  return { reason: refusal(from, to) };
}

function refusal(from: BoardColumn, to: BoardColumn): string {
  const target = columnTitle(to);
  if (from === "needs_you") return "Answer the agent's question on the card first; it then runs again.";
  if (from === "running" || from === "new")
    return `A run that has not finished can only be stopped: drop it on Cancelled.`;
  if (from === "archived") return "Archived runs stay archived.";
  if (to === "merged") return "Pull requests are merged on GitHub; the card follows.";
  if (to === "needs_you") return "Only the agent can ask a question.";
  if (to === "new") return "A run cannot go back to New; drop it on Running to send a follow-up.";
  if (to === "failed") return "Runs fail by themselves, not by a move.";
  if (to === "needs_review") return "A run reaches Needs review when it finishes.";
  if (to === "pr_open") return "Only a finished run without a pull request can open one.";
  if (to === "running" && from === "pr_open")
    return "Send follow-ups from the run's page: its pull request is open.";
  if (to === "running" && from === "merged") return "A merged run takes no more prompts; start a new run.";
  if (to === "cancelled") return "Only a queued or running run can be stopped.";
  return `This run cannot move to ${target}.`;
}

/**
 * The card as it will look once the action took effect, shown from the drop until the cache
 * agrees (so it does not flash back to its old column meanwhile).
 */
export function expectedCard(card: BoardCard, action: BoardMoveAction): BoardCard {
  switch (action) {
    case "stop":
      return { ...card, state: "cancelled" };
    case "archive":
      return { ...card, state: "archived" };
    case "create_pr":
      return { ...card, prIsBeingCreated: true };
    case "follow_up":
      return { ...card, state: "running", currentTask: null, lastActivityAt: new Date().toISOString() };
  }
}
