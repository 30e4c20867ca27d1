import type { RunnerDetail, SessionView } from "../runner-detail-schemas";
import { boardCard } from "./board-card";

/** A finished run with a diff and nothing else; tests override what they are about. */
export function runnerDetail(overrides: Partial<RunnerDetail> = {}): RunnerDetail {
  return {
    ...boardCard({ hasDiff: true }),
    prBranch: null,
    mergeCommitSha: null,
    mergeCommitError: null,
    mergeCommitIsBeingCreated: false,
    rebaseAvailable: false,
    isPublished: false,
    netlifyUrl: "https://app.netlify.com/projects/site-one/agent-runs/r1",
    ...overrides,
  };
}

/** A finished session with a result and a cumulative diff. */
export function sessionFacts(
  overrides: Partial<Omit<SessionView, "abilities">> = {},
): Omit<SessionView, "abilities"> {
  return {
    id: "s1",
    state: "done",
    mode: "normal",
    title: null,
    prompt: "Add a blog",
    result: "Added a blog.",
    agent: "claude",
    model: null,
    durationMs: 60_000,
    stepsCount: 3,
    steps: [],
    deployUrl: null,
    commitSha: null,
    sourceSessionId: null,
    isDiscarded: false,
    isPublished: false,
    hasResultDiff: true,
    hasCumulativeDiff: true,
    interruptReason: null,
    creditMessage: null,
    interactions: [],
    usage: null,
    createdAt: "2026-12-01T10:00:00.000Z",
    doneAt: "2026-12-01T10:01:00.000Z",
    ...overrides,
  };
}
