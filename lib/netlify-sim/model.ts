import type { RunnerState, SessionState } from "@/lib/netlify/schemas";

/*
 * The simulator's records. Runner and session records hold the wire fields in snake_case so
 * that serialising them is a plain copy; bookkeeping the API does not expose sits beside them.
 */

export interface SimAccount {
  id: string;
  name: string;
  slug: string;
  type: string;
}

export interface SimUser {
  id: string;
  full_name: string;
  email: string;
  avatar_url: string | null;
  accountIds: string[];
}

export type CodeOrigin = "github" | "netlify-git" | "zip";

export interface SimSite {
  id: string;
  name: string;
  accountId: string;
  codeOrigin: CodeOrigin;
  repoUrl: string | null;
  repoBranch: string | null;
  createdAt: number;
  /** Non-git sites: the production deploy moved on since some runners started (rebase makes sense). */
  productionDeployChanged: boolean;
}

export interface WireUser {
  id: string;
  full_name: string;
  email: string;
  avatar_url: string | null;
}

/** How a session will play out, decided when it starts. Times are simulated epoch ms. */
export interface SessionPlan {
  runningAt: number;
  finishAt: number;
  outcome: "done" | "error";
  steps: Array<{ at: number; title?: string; message?: string }>;
}

export interface SimSession {
  id: string;
  runnerId: string;
  state: SessionState;
  mode: string;
  prompt: string | null;
  title: string | null;
  agentConfig: { agent?: string; model?: string | null; effort?: string };
  result: string | null;
  durationMs: number;
  steps: Array<{ title?: string; message?: string; id?: number }>;
  currentTask: string | null;
  deployId: string | null;
  deployUrl: string | null;
  commitSha: string | null;
  baseSha: string;
  devServerId: string;
  attachedFileKeys: string[];
  isPublished: boolean;
  isDiscarded: boolean;
  resultDiff: string | null;
  cumulativeDiff: string | null;
  sourceSessionId: string | null;
  usage: Record<string, number> | null;
  user: WireUser;
  createdAt: number;
  updatedAt: number;
  doneAt: number | null;
  plan: SessionPlan | null;
}

export interface PendingAction {
  kind: "pull_request" | "commit";
  runnerId: string;
  completeAt: number;
  targetBranch?: string;
}

export interface SimRunner {
  id: string;
  siteId: string;
  /** Set by archive; otherwise the state mirrors the latest session. */
  archived: boolean;
  title: string | null;
  branch: string | null;
  sha: string | null;
  baseDeployId: string | null;
  parentAgentRunnerId: string | null;
  attachedFileKeys: string[];
  prUrl: string | null;
  prBranch: string | null;
  prState: "open" | "closed" | "merged" | "draft" | null;
  prNumber: number | null;
  prIsBeingCreated: boolean;
  prError: string | null;
  mergeCommitSha: string | null;
  mergeCommitError: string | null;
  mergeCommitIsBeingCreated: boolean;
  user: WireUser;
  contributors: WireUser[];
  createdAt: number;
  updatedAt: number;
  sessions: SimSession[];
  /** Cached wire JSON; cleared on every change. */
  json?: string;
}

export type { RunnerState, SessionState };
