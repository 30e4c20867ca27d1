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
  credits: AccountCredits;
}

/**
 * AI credits of a team (research notes §7.6). Limits are null when unlimited, which is how
 * every account starts; `/__sim/credits` sets them.
 */
export interface AccountCredits {
  /** The team's credits for the period; spending them all interrupts its running sessions. */
  teamLimit: number | null;
  teamUsed: number;
  /** Per-person limits on this team: 0 disables Agent Runners for that person. */
  userLimits: Map<string, number | null>;
  usedByUser: Map<string, number>;
  /** How many runs may be active (new, running or waiting for input) at once. */
  maxActiveRuns: number | null;
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
  /** The current production deploy: a runner started on an older one can rebase (non-git sites). */
  productionDeployId: string;
}

/** A deploy upstream knows of: the production deploys of a site and the preview of each session. */
export interface SimDeploy {
  id: string;
  siteId: string;
  state: "building" | "ready" | "error";
  context: "production" | "deploy-preview";
  url: string | null;
  errorMessage: string | null;
  createdAt: number;
}

export interface WireUser {
  id: string;
  full_name: string;
  email: string;
  avatar_url: string | null;
}

export type InteractionType = "question" | "authorization";

export interface QuestionPrompt {
  question: string;
  options?: string[];
  multi_select?: boolean;
}

export interface AuthorizationPrompt {
  provider: string;
  message: string;
}

/** A request the agent makes of a person (§7.2), keyed by its refId on the session. */
export interface SimInteraction {
  type: InteractionType;
  status: "pending" | "answered" | "skipped";
  payload: QuestionPrompt[] | AuthorizationPrompt[];
  response?: Array<string | string[] | null>;
  instruction?: string;
  createdAt: number;
  answeredAt?: number;
}

export interface PlannedStep {
  at: number;
  title: string;
  /** AI credits this step costs; charged when it is reached. */
  credits: number;
}

/** How a session will play out, decided when it starts. Times are simulated epoch ms. */
export interface SessionPlan {
  runningAt: number;
  finishAt: number;
  outcome: "done" | "error";
  /** An error outcome that happens building the preview: the run gets an errored deploy. */
  buildFails: boolean;
  steps: PlannedStep[];
  /** The agent stops here to ask the person; answering shifts every later time by the wait. */
  pause?: { at: number; type: InteractionType; payload: QuestionPrompt[] | AuthorizationPrompt[] };
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
  /** A preview build that failed: listed in the snapshot's deploys, never as the session's deploy. */
  failedDeployId: string | null;
  commitSha: string | null;
  baseSha: string;
  devServerId: string;
  attachedFileKeys: string[];
  isPublished: boolean;
  isDiscarded: boolean;
  resultDiff: string | null;
  cumulativeDiff: string | null;
  sourceSessionId: string | null;
  /** Rebase sessions: the production deploy the changes move onto once the rebase succeeds. */
  rebaseOntoDeployId: string | null;
  usage: Record<string, number> | null;
  creditsUsed: number;
  interruptReason: string | null;
  creditLimitExceededMessage: string | null;
  interactions: Map<string, SimInteraction>;
  user: WireUser;
  createdAt: number;
  updatedAt: number;
  doneAt: number | null;
  plan: SessionPlan | null;
  /** When the next planned transition is due; null once nothing more will happen by itself. */
  nextEventAt: number | null;
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
  /** Publish to production (R11): after it starts, follow-ups are refused. */
  publishingState: "publishing" | "published" | "failed" | null;
  /** Non-git sites: the production deploy the run's changes sit on (rebase moves it forward). */
  baseProductionDeployId: string | null;
  /** Bumped on every change of the run: the snapshot's cheap change detector. */
  stateVersion: number;
  /** Set by `/__sim/runners/{id}/state` to emit a state upstream may add in future. */
  stateOverride: string | null;
  user: WireUser;
  contributors: WireUser[];
  createdAt: number;
  updatedAt: number;
  sessions: SimSession[];
  /** Cached wire JSON; cleared on every change. */
  json?: string;
}

export type { RunnerState, SessionState };
