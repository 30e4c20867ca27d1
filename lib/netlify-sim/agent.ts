import { errorMarkdown, resultMarkdown, slugify, stepTitles, titleFromPrompt } from "./content";
import { mergeChanges, renderDiff, sessionChanges, splitDiff } from "./diffs";
import type { SessionPlan, SimRunner, SimSession, WireUser } from "./model";
import { latestSession, type SimStore } from "./store";

/*
 * The simulated agent. A session's whole course (when it starts running, its steps, when it
 * ends and how) is planned when it is created; `advance` applies whatever the clock has reached.
 * Nothing runs on timers, so a frozen clock gives fully deterministic tests.
 */

const QUEUE_MS = 1_500;

export interface SessionStart {
  prompt: string | null;
  mode: string;
  agentConfig: SimSession["agentConfig"];
  fileKeys: string[];
  user: WireUser;
  sourceSessionId?: string;
  /** Forces the outcome (seeding); otherwise it is drawn at random. */
  outcome?: "done" | "error";
  durationMs?: number;
}

export function startSession(
  store: SimStore,
  runner: SimRunner,
  start: SessionStart,
  at = store.clock.now(),
): SimSession {
  const { random } = store;
  const aiFree = start.mode === "redeploy" || start.mode === "rebase";
  const durationMs = start.durationMs ?? (aiFree ? random.int(5_000, 12_000) : random.int(25_000, 150_000));
  const outcome = start.outcome ?? (random.chance(aiFree ? 0.03 : 0.12) ? "error" : "done");
  const title = start.prompt ? titleFromPrompt(start.prompt) : null;
  const session: SimSession = {
    id: random.id(),
    runnerId: runner.id,
    state: "new",
    mode: start.mode,
    prompt: start.prompt,
    title,
    agentConfig: start.agentConfig,
    result: null,
    durationMs: 0,
    steps: [],
    currentTask: null,
    deployId: null,
    deployUrl: null,
    commitSha: null,
    baseSha: runner.sha ?? random.hex(40),
    devServerId: random.id(),
    attachedFileKeys: start.fileKeys,
    isPublished: false,
    isDiscarded: false,
    resultDiff: null,
    cumulativeDiff: null,
    sourceSessionId: start.sourceSessionId ?? null,
    usage: null,
    user: start.user,
    createdAt: at,
    updatedAt: at,
    doneAt: null,
    plan: null,
  };
  session.plan = planSession(store, session, at, durationMs, outcome);
  return store.addSession(runner, session);
}

function planSession(
  store: SimStore,
  session: SimSession,
  at: number,
  durationMs: number,
  outcome: "done" | "error",
): SessionPlan {
  const runningAt = at + QUEUE_MS;
  const finishAt = runningAt + durationMs;
  const titles =
    session.mode === "redeploy"
      ? ["Preparing deploy", "Building site", "Deploying preview"]
      : session.mode === "rebase"
        ? ["Fetching latest production deploy", "Re-applying changes", "Deploying preview"]
        : stepTitles(
            store.random,
            sessionChanges(store.random, session.title ?? "Change").map((c) => c.path),
          );
  const steps = titles.map((title, index) => ({
    at: runningAt + Math.floor((durationMs * index) / titles.length),
    title,
  }));
  return { runningAt, finishAt, outcome, steps };
}

/** Applies every transition due by `now`: sessions starting, stepping, finishing; PRs and commits landing. */
export function advance(store: SimStore, now = store.clock.now()): void {
  for (const session of [...store.active]) {
    const plan = session.plan;
    const runner = store.runners.get(session.runnerId);
    if (!plan || !runner) continue;
    if (session.state === "new" && now >= plan.runningAt) {
      session.state = "running";
      session.updatedAt = plan.runningAt;
      store.changed(runner, plan.runningAt);
    }
    if (session.state !== "running") continue;
    const reached = plan.steps.filter((step) => step.at <= Math.min(now, plan.finishAt));
    if (reached.length > session.steps.length) {
      session.steps = reached.map((step, index) => ({ title: step.title, id: index }));
      session.currentTask = reached.at(-1)?.title ?? null;
      session.updatedAt = reached.at(-1)?.at ?? now;
      store.changed(runner, session.updatedAt);
    }
    if (now >= plan.finishAt) finishSession(store, runner, session, plan);
  }
  completePendingActions(store, now);
}

function finishSession(store: SimStore, runner: SimRunner, session: SimSession, plan: SessionPlan): void {
  const { random } = store;
  const site = store.siteOf(runner);
  session.state = plan.outcome;
  session.doneAt = plan.finishAt;
  session.updatedAt = plan.finishAt;
  session.durationMs = plan.finishAt - plan.runningAt;
  session.currentTask = null;
  session.steps = plan.steps.map((step, index) => ({ title: step.title, id: index }));
  store.active.delete(session);
  if (plan.outcome === "done") {
    const previous = runner.sessions
      .filter((s) => s !== session && !s.isDiscarded && s.cumulativeDiff)
      .at(-1);
    const earlier = previous?.cumulativeDiff ? splitDiff(previous.cumulativeDiff) : [];
    const changes =
      session.mode === "normal" || session.mode === "create"
        ? sessionChanges(random, session.title ?? "Change")
        : [];
    session.resultDiff = changes.length > 0 ? renderDiff(changes) : null;
    const cumulative = mergeChanges(earlier, changes);
    session.cumulativeDiff = cumulative.length > 0 ? renderDiff(cumulative) : null;
    session.result =
      session.mode === "ask"
        ? "# Answer\n\nThe form posts to a Netlify Function in `netlify/functions/contact.ts`."
        : resultMarkdown(
            session.title ?? "Redeployed preview",
            changes.map((change) => change.path),
          );
    session.deployId = random.id();
    session.deployUrl = `https://${session.deployId}--${site.name}.netlify.app`;
    const inputTokens = random.int(20_000, 400_000);
    const outputTokens = random.int(2_000, 40_000);
    session.usage = {
      total_input_tokens: inputTokens,
      total_output_tokens: outputTokens,
      total_cached_input_tokens: Math.floor(inputTokens * 0.6),
      total_cached_output_tokens: 0,
      total_tokens: inputTokens + outputTokens,
      total_credits_cost: Math.round((inputTokens / 1e6 + (outputTokens * 5) / 1e6) * 100) / 100,
    };
  } else {
    session.result = errorMarkdown(random);
  }
  if (!runner.title && session.title) runner.title = session.title;
  store.changed(runner, plan.finishAt);
}

export function stopSession(
  store: SimStore,
  runner: SimRunner,
  session: SimSession,
  at = store.clock.now(),
): void {
  if (session.state !== "new" && session.state !== "running") return;
  session.state = "cancelled";
  session.doneAt = at;
  session.updatedAt = at;
  session.durationMs = session.plan ? Math.max(0, at - session.plan.runningAt) : 0;
  session.currentTask = null;
  store.active.delete(session);
  store.changed(runner, at);
}

function completePendingActions(store: SimStore, now: number): void {
  for (let i = store.pending.length - 1; i >= 0; i--) {
    const action = store.pending[i];
    if (!action || action.completeAt > now) continue;
    store.pending.splice(i, 1);
    const runner = store.runners.get(action.runnerId);
    if (!runner) continue;
    if (action.kind === "pull_request") landPullRequest(store, runner);
    else landCommit(store, runner);
    store.changed(runner, action.completeAt);
  }
}

function landPullRequest(store: SimStore, runner: SimRunner): void {
  const site = store.siteOf(runner);
  const number = (store.pullRequestCounters.get(site.id) ?? 0) + 1;
  store.pullRequestCounters.set(site.id, number);
  runner.prIsBeingCreated = false;
  runner.prBranch = `agent-${slugify(runner.title ?? "change")}-${store.random.hex(4)}`;
  runner.prNumber = number;
  runner.prState = "open";
  runner.prUrl = `${site.repoUrl ?? "https://github.com/example/site"}/pull/${number}`;
  for (const session of runner.sessions) {
    if (!session.isDiscarded && session.resultDiff && !session.commitSha)
      session.commitSha = store.random.hex(40);
  }
}

function landCommit(store: SimStore, runner: SimRunner): void {
  runner.mergeCommitIsBeingCreated = false;
  for (const session of runner.sessions) {
    if (!session.isDiscarded && session.resultDiff && !session.commitSha) {
      session.commitSha = store.random.hex(40);
      runner.mergeCommitSha = session.commitSha;
    }
  }
}

export { latestSession };
