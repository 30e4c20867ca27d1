import { describe, expect, it } from "vitest";
import { runnerStates } from "@/lib/netlify/schemas";
import { type BoardCard, boardColumns, columnOf, groupByColumn } from "./board";

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
  lastActivityAt: new Date("2026-11-05T09:00:00.000Z"),
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
