import { activeRunnerStates } from "@/lib/netlify/schemas";
import type { SimClock } from "./clock";
import { SimHttpError } from "./http";
import type {
  QuestionPrompt,
  SimAccount,
  SimDeploy,
  SimRunner,
  SimSession,
  SimSite,
  SimUser,
  WireUser,
} from "./model";
import type { SimRandom } from "./random";
import type { DemoTeam } from "./team";
import { Timeline } from "./timeline";

export interface StoredUpload {
  accountId: string;
  contentType: string;
  bytes: number;
}

/**
 * How the next sessions, pull requests and commits end, when a test decides instead of the dice.
 * An outcome may be meant for one runner, or for runs whose first prompt holds a given text, so
 * tests that share one simulator never take each other's.
 */
export interface ForcedOutcomes {
  sessions: Forced<ForcedSession>[];
  pullRequests: Forced<ActionOutcome>[];
  commits: Forced<ActionOutcome>[];
}
export interface Forced<T> {
  outcome: T;
  /** Only this runner takes the outcome; null: any (or as `promptIncludes` says). */
  runnerId: string | null;
  /** Only a run whose first prompt contains this text takes the outcome; null: any run. */
  promptIncludes: string | null;
}

/** The run an outcome is taken for: its id (unknown while it is being created) and first prompt. */
export interface RunTaking {
  runnerId: string | null;
  firstPrompt: string | null;
}

const meantForAny = (entry: Forced<unknown>) => entry.runnerId === null && entry.promptIncludes === null;
const meantFor = (entry: Forced<unknown>, run: RunTaking) =>
  (entry.runnerId !== null && entry.runnerId === run.runnerId) ||
  (entry.runnerId === null &&
    entry.promptIncludes !== null &&
    run.firstPrompt?.includes(entry.promptIncludes) === true);
/** `error` fails in the agent; `build_failure` fails building the preview (an errored deploy). */
export const sessionOutcomes = ["done", "error", "build_failure", "question", "authorization"] as const;
export type SessionOutcome = (typeof sessionOutcomes)[number];
/** A forced session: an outcome, or the exact questions it will ask. */
export type ForcedSession = SessionOutcome | { questions: QuestionPrompt[] };
export type ActionOutcome = "ok" | "error";

/** Takes the first outcome meant for this run, else the first meant for any run. */
export function takeForced<T>(queue: Forced<T>[], run: RunTaking): T | undefined {
  const forRun = queue.findIndex((entry) => meantFor(entry, run));
  const index = forRun >= 0 ? forRun : queue.findIndex(meantForAny);
  return index >= 0 ? queue.splice(index, 1)[0]?.outcome : undefined;
}

/** All simulator state, in memory. `version` bumps on every change so responses can be cached safely. */
export class SimStore {
  readonly accounts = new Map<string, SimAccount>();
  readonly users = new Map<string, SimUser>();
  readonly tokens = new Map<string, string>();
  readonly sites = new Map<string, SimSite>();
  readonly runners = new Map<string, SimRunner>();
  readonly runnersBySite = new Map<string, SimRunner[]>();
  readonly sessions = new Map<string, SimSession>();
  readonly deploys = new Map<string, SimDeploy>();
  /** Every transition still to come: sessions stepping and finishing, PRs landing, the team's next move. */
  readonly timeline = new Timeline();
  readonly forced: ForcedOutcomes = { sessions: [], pullRequests: [], commits: [] };
  readonly uploads = new Map<string, StoredUpload>();
  readonly pullRequestCounters = new Map<string, number>();
  /** The demo's simulated team, when it runs. */
  team: DemoTeam | undefined;
  version = 0;

  constructor(
    readonly clock: SimClock,
    readonly random: SimRandom,
  ) {}

  changed(runner?: SimRunner, at = this.clock.now()): void {
    this.version++;
    if (!runner) return;
    runner.json = undefined;
    runner.stateVersion++;
    runner.updatedAt = Math.max(runner.updatedAt, at);
  }

  addAccount(account: SimAccount): SimAccount {
    this.accounts.set(account.id, account);
    this.version++;
    return account;
  }

  addUser(user: SimUser, token?: string): SimUser {
    this.users.set(user.id, user);
    if (token) this.tokens.set(token, user.id);
    this.version++;
    return user;
  }

  addSite(site: SimSite): SimSite {
    this.sites.set(site.id, site);
    this.runnersBySite.set(site.id, this.runnersBySite.get(site.id) ?? []);
    this.version++;
    return site;
  }

  addRunner(runner: SimRunner): SimRunner {
    this.runners.set(runner.id, runner);
    this.runnersBySite.get(runner.siteId)?.push(runner);
    this.version++;
    return runner;
  }

  addSession(runner: SimRunner, session: SimSession): SimSession {
    runner.sessions.push(session);
    this.sessions.set(session.id, session);
    this.changed(runner, session.createdAt);
    return session;
  }

  addDeploy(deploy: SimDeploy): SimDeploy {
    this.deploys.set(deploy.id, deploy);
    return deploy;
  }

  /** Forgets a runner entirely (the demo's retention of old archived runs); its pending events go stale. */
  removeRunner(runner: SimRunner): void {
    this.runners.delete(runner.id);
    const siblings = this.runnersBySite.get(runner.siteId);
    const index = siblings?.indexOf(runner) ?? -1;
    if (siblings && index >= 0) siblings.splice(index, 1);
    for (const session of runner.sessions) {
      this.sessions.delete(session.id);
      session.nextEventAt = null;
      if (session.deployId) this.deploys.delete(session.deployId);
      if (session.failedDeployId) this.deploys.delete(session.failedDeployId);
    }
    this.version++;
  }

  userForToken(token: string | undefined): SimUser | undefined {
    const userId = token ? this.tokens.get(token) : undefined;
    return userId ? this.users.get(userId) : undefined;
  }

  /** Access rule: a token sees the sites of its user's accounts only. */
  siteVisibleTo(user: SimUser, siteId: string): SimSite | undefined {
    const site = this.sites.get(siteId);
    return site && user.accountIds.includes(site.accountId) ? site : undefined;
  }

  runnerVisibleTo(user: SimUser, runnerId: string): SimRunner | undefined {
    const runner = this.runners.get(runnerId);
    return runner && this.siteVisibleTo(user, runner.siteId) ? runner : undefined;
  }

  siteOf(runner: SimRunner): SimSite {
    const site = this.sites.get(runner.siteId);
    if (!site) throw new Error(`runner ${runner.id} has no site`);
    return site;
  }

  accountOf(site: SimSite): SimAccount {
    const account = this.accounts.get(site.accountId);
    if (!account) throw new Error(`site ${site.id} has no account`);
    return account;
  }
}

export function wireUser(user: SimUser): WireUser {
  return { id: user.id, full_name: user.full_name, email: user.email, avatar_url: user.avatar_url };
}

/** The session the runner's state follows: the newest one not discarded by a revert. */
export function latestSession(runner: SimRunner): SimSession | undefined {
  for (let i = runner.sessions.length - 1; i >= 0; i--) {
    const session = runner.sessions[i];
    if (session && !session.isDiscarded) return session;
  }
  return undefined;
}

/** Not finished: queued, working, or waiting for a person's answer (still the one session allowed). */
export const isActiveState = (state: string) => (activeRunnerStates as readonly string[]).includes(state);

/** When the run last had something new: the sort key of runner lists. */
export const lastActivity = (runner: SimRunner) => runner.sessions.at(-1)?.createdAt ?? runner.createdAt;

/** The newest session with a cumulative diff: what the runner's diff shows and a rebase moves. */
export function latestWithDiff(runner: SimRunner): SimSession | undefined {
  for (let i = runner.sessions.length - 1; i >= 0; i--) {
    const session = runner.sessions[i];
    if (session && !session.isDiscarded && session.cumulativeDiff) return session;
  }
  return undefined;
}

export function activeSession(runner: SimRunner): SimSession | undefined {
  const latest = runner.sessions.at(-1);
  return latest && isActiveState(latest.state) ? latest : undefined;
}

export interface NewRunnerRecord {
  site: SimSite;
  creator: WireUser;
  createdAt: number;
  branch?: string | null;
  baseDeployId?: string | null;
  parentAgentRunnerId?: string | null;
  attachedFileKeys?: string[];
}

/** Adds a runner with no sessions yet; git sites get a base branch and start commit, zip sites neither. */
export function addEmptyRunner(store: SimStore, record: NewRunnerRecord): SimRunner {
  const { site, creator, createdAt } = record;
  const git = site.codeOrigin !== "zip";
  return store.addRunner({
    id: store.random.id(),
    siteId: site.id,
    archived: false,
    title: null,
    branch: git ? (record.branch === undefined ? (site.repoBranch ?? "main") : record.branch) : null,
    sha: git ? store.random.hex(40) : null,
    baseDeployId: record.baseDeployId ?? null,
    parentAgentRunnerId: record.parentAgentRunnerId ?? null,
    attachedFileKeys: record.attachedFileKeys ?? [],
    prUrl: null,
    prBranch: null,
    prState: null,
    prNumber: null,
    prIsBeingCreated: false,
    prError: null,
    mergeCommitSha: null,
    mergeCommitError: null,
    mergeCommitIsBeingCreated: false,
    publishingState: null,
    baseProductionDeployId: git ? null : site.productionDeployId,
    stateVersion: 0,
    stateOverride: null,
    user: creator,
    contributors: [creator],
    createdAt,
    updatedAt: createdAt,
    sessions: [],
  });
}

/** Upstream's conflict answer when a runner already has a session in progress. */
export function refuseWhileActive(runner: SimRunner): void {
  const active = activeSession(runner);
  if (active) {
    throw new SimHttpError(409, "another session exists", {
      error_code: "active_session_exists",
      active_session_id: active.id,
    });
  }
}
