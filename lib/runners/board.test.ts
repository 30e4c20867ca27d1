import { describe, expect, it } from "vitest";
import { runnerStates } from "@/lib/netlify/schemas";
import { applyBoardChanges, type BoardCard, boardColumns, columnOf, groupByColumn } from "./board";

const card = (id: string, state: string): BoardCard => ({
  id,
  siteName: "aurora",
  title: `Runner ${id}`,
  state,
  currentTask: null,
  branch: null,
  prUrl: null,
  prNumber: null,
  prState: null,
  deployUrl: null,
  creatorName: null,
  lastActivityAt: "2026-11-05T09:00:00.000Z",
});

const idsByColumn = (cards: BoardCard[]) =>
  Object.fromEntries(
    Object.entries(groupByColumn(cards)).map(([column, inColumn]) => [column, inColumn.map((c) => c.id)]),
  );

describe("groupByColumn", () => {
  it("puts await_input first as Needs you, interrupted in its own column and an unknown state in Other", () => {
    const cards = [
      card("a", "await_input"),
      card("b", "interrupted"),
      card("c", "paused_for_review"),
      card("d", "running"),
      card("e", "archived"),
      card("f", "other"),
    ];
    expect(idsByColumn(cards)).toEqual({
      await_input: ["a"],
      new: [],
      running: ["d"],
      done: [],
      error: [],
      interrupted: ["b"],
      cancelled: [],
      other: ["c", "f"],
    });
    expect(boardColumns[0]).toEqual({ id: "await_input", title: "Needs you" });
  });

  it("gives every known state but archived a column of its own", () => {
    for (const state of runnerStates) {
      expect(columnOf(state), state).toBe(state === "archived" ? null : state);
    }
  });

  it("keeps the column titles the board's regions are named by", () => {
    expect(boardColumns.map((column) => column.title)).toEqual([
      "Needs you",
      "New",
      "Running",
      "Done",
      "Error",
      "Interrupted",
      "Cancelled",
      "Other",
    ]);
  });
});

describe("applyBoardChanges", () => {
  const at = (id: string, state: string, lastActivityAt: string): BoardCard => ({
    ...card(id, state),
    lastActivityAt,
  });

  it("replaces changed cards by id, adds new ones, drops removed ones and keeps the rest as they were", () => {
    const kept = at("a", "done", "2026-11-05T09:00:00.000Z");
    const cards = [
      at("b", "running", "2026-11-05T10:00:00.000Z"),
      kept,
      at("c", "new", "2026-11-05T08:00:00.000Z"),
    ];
    const next = applyBoardChanges(cards, {
      runners: [
        at("b", "await_input", "2026-11-05T10:00:00.000Z"),
        at("d", "new", "2026-11-05T11:00:00.000Z"),
      ],
      removed: ["c", "never-shown"],
    });
    expect(next.map((each) => `${each.id}:${each.state}`)).toEqual(["d:new", "b:await_input", "a:done"]);
    expect(next[2]).toBe(kept);
  });

  it("answers the same cards when nothing changed, so nothing re-renders", () => {
    const cards = [card("a", "done")];
    expect(applyBoardChanges(cards, { runners: [], removed: [] })).toBe(cards);
  });
});
