import { describe, expect, it } from "vitest";
import { applyBoardChanges, boardColumns, columnOf, groupByColumn, netlifyRunUrl } from "./board";
import { filterCards } from "./board-filters";
import { boardMove, expectedCard } from "./board-moves";
import { boardCard } from "./testing/board-card";

describe("columnOf", () => {
  it.each([
    [{ state: "await_input" }, "needs_you"],
    [{ state: "new" }, "new"],
    [{ state: "running", prState: "open" }, "running"],
    [{ state: "done" }, "needs_review"],
    [{ state: "done", prState: "closed" }, "needs_review"],
    [{ state: "done", prState: "open" }, "pr_open"],
    [{ state: "done", prState: "draft" }, "pr_open"],
    [{ state: "done", prIsBeingCreated: true }, "pr_open"],
    [{ state: "done", prState: "merged" }, "merged"],
    [{ state: "error" }, "failed"],
    [{ state: "interrupted" }, "failed"],
    [{ state: "cancelled" }, "cancelled"],
    [{ state: "archived" }, "archived"],
  ] as const)("puts %o in %s", (fields, column) => {
    expect(columnOf(boardCard(fields))).toBe(column);
  });

  it("puts a state it does not know in the nearest column instead of dropping it", () => {
    expect(columnOf(boardCard({ state: "awaiting_approval" }))).toBe("needs_you");
    expect(columnOf(boardCard({ state: "failed_hard" }))).toBe("failed");
    expect(columnOf(boardCard({ state: "completed" }))).toBe("needs_review");
    expect(columnOf(boardCard({ state: "thinking" }))).toBe("running");
    const columns = groupByColumn([boardCard({ state: "thinking" })]);
    expect(columns.running.map((card) => card.state)).toEqual(["thinking"]);
  });

  it("lists Needs you first and Archived last", () => {
    expect(boardColumns.map(({ id }) => id)).toEqual([
      "needs_you",
      "new",
      "running",
      "needs_review",
      "pr_open",
      "merged",
      "failed",
      "cancelled",
      "archived",
    ]);
  });
});

describe("applyBoardChanges", () => {
  it("replaces changed cards by id, adds new ones, drops removed ones, newest activity first", () => {
    const old = boardCard({ id: "a", lastActivityAt: "2026-12-01T10:00:00.000Z" });
    const kept = boardCard({ id: "b", lastActivityAt: "2026-12-01T09:00:00.000Z" });
    const gone = boardCard({ id: "c" });
    const changed = { ...old, state: "running", lastActivityAt: "2026-12-01T08:00:00.000Z" };
    const added = boardCard({ id: "d", lastActivityAt: "2026-12-01T11:00:00.000Z" });
    const cards = applyBoardChanges([old, kept, gone], { runners: [changed, added], removed: ["c"] });
    expect(cards.map((card) => card.id)).toEqual(["d", "b", "a"]);
    expect(cards[1]).toBe(kept);
    expect(cards[2]?.state).toBe("running");
  });
});

describe("boardMove", () => {
  const member = { write: true, deploy: true };
  it.each([
    ["running", {}, "cancelled", "stop"],
    ["new", {}, "cancelled", "stop"],
    ["done", {}, "archived", "archive"],
    ["error", {}, "archived", "archive"],
    ["done", { prState: "merged" }, "archived", "archive"],
    ["done", {}, "pr_open", "create_pr"],
    ["done", {}, "running", "follow_up"],
    ["error", {}, "running", "follow_up"],
    ["cancelled", {}, "running", "follow_up"],
  ] as const)("a %s card %o dropped on %s means %s", (state, fields, to, action) => {
    expect(boardMove(boardCard({ state, ...fields }), to, member)).toEqual({ kind: "action", action, to });
  });

  it.each([
    ["running", "needs_review"],
    ["running", "archived"],
    ["await_input", "running"],
    ["done", "merged"],
    ["done", "new"],
    ["done", "failed"],
    ["archived", "running"],
    ["error", "pr_open"],
  ] as const)("refuses a %s card on %s, with a reason", (state, to) => {
    const move = boardMove(boardCard({ state }), to, member);
    expect(move.kind).toBe("refused");
    if (move.kind === "refused") expect(move.reason.length).toBeGreaterThan(10);
  });

  it("refuses every move of a viewer, and a pull request without deploy rights", () => {
    expect(
      boardMove(boardCard({ state: "running" }), "cancelled", { write: false, deploy: false }),
    ).toMatchObject({
      kind: "refused",
      reason: "You can look at the board but not change runs.",
    });
    expect(boardMove(boardCard(), "pr_open", { write: true, deploy: false })).toMatchObject({
      kind: "refused",
      reason: expect.stringContaining("deploy rights"),
    });
  });

  it("shows the card where the action takes it", () => {
    expect(columnOf(expectedCard(boardCard({ state: "running" }), "stop"))).toBe("cancelled");
    expect(columnOf(expectedCard(boardCard(), "create_pr"))).toBe("pr_open");
    expect(columnOf(expectedCard(boardCard(), "follow_up"))).toBe("running");
    expect(columnOf(expectedCard(boardCard(), "archive"))).toBe("archived");
  });
});

describe("filterCards", () => {
  const viewer = { userId: "u1", netlifyUserId: "n1" };
  const cards = [
    boardCard({
      id: "a",
      title: "Fix the footer",
      agent: "codex",
      siteId: "s1",
      createdAt: "2026-12-01T01:00:00.000Z",
    }),
    boardCard({
      id: "b",
      title: "Add a blog",
      siteId: "s2",
      startedBy: { kind: "person", name: "Ana", userId: "u1", netlifyUserId: "n1" },
      createdAt: "2026-12-01T02:00:00.000Z",
    }),
    boardCard({ id: "c", title: "Dark mode", state: "running", startedBy: { kind: "key", name: "ci" } }),
  ];
  const none = { site: null, agent: null, column: null, text: "", mine: false, sort: "title" } as const;
  const ids = (list: { id: string }[]) => list.map((card) => card.id);

  it("filters by site, agent, column, text and starter, and sorts", () => {
    expect(ids(filterCards(cards, none, viewer))).toEqual(["b", "c", "a"]);
    expect(ids(filterCards(cards, { ...none, site: "s2" }, viewer))).toEqual(["b"]);
    expect(ids(filterCards(cards, { ...none, agent: "codex" }, viewer))).toEqual(["a"]);
    expect(ids(filterCards(cards, { ...none, column: "running" }, viewer))).toEqual(["c"]);
    expect(ids(filterCards(cards, { ...none, text: "FOOTER" }, viewer))).toEqual(["a"]);
    expect(ids(filterCards(cards, { ...none, mine: true }, viewer))).toEqual(["b"]);
    expect(ids(filterCards(cards, { ...none, sort: "created" }, viewer))).toEqual(["c", "b", "a"]);
  });
});

it("links a run to Netlify's dashboard", () => {
  expect(netlifyRunUrl({ id: "abc", siteName: "my-site" })).toBe(
    "https://app.netlify.com/projects/my-site/agent-runs/abc",
  );
});
