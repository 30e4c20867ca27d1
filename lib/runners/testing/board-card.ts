import type { BoardCard } from "../board";

/** A card with every field set to something plain; tests override what they are about. */
export function boardCard(overrides: Partial<BoardCard> = {}): BoardCard {
  return {
    id: "r1",
    siteId: "s1",
    siteName: "site-one",
    title: "Add a blog",
    state: "done",
    currentTask: null,
    branch: "agent/add-a-blog",
    agent: "claude",
    model: null,
    prUrl: null,
    prNumber: null,
    prState: null,
    prError: null,
    prIsBeingCreated: false,
    deployUrl: null,
    hasDiff: false,
    startedBy: null,
    failureReason: null,
    interaction: null,
    createdAt: "2026-12-01T10:00:00.000Z",
    lastActivityAt: "2026-12-01T10:00:00.000Z",
    doneAt: null,
    ...overrides,
  };
}
