import { authorizationBank, pickQuestions, stepTitles, titleFromPrompt } from "./content";
import { chargeCredits, interruptForCredits } from "./credits";
import { sessionChanges } from "./diffs";
import type { SessionPlan, SimRunner, SimSession, WireUser } from "./model";
import { finishSession } from "./session-end";
import { type ForcedSession, type SessionOutcome, type SimStore, takeForced } from "./store";

/*
 * The simulated agent. A session's whole course (when it starts running, its steps, whether it
 * stops to ask, when it ends and how) is planned when it is created and put on the store's
 * timeline; `advance` fires whatever the clock has reached, in time order. Nothing runs on
 * timers, so a frozen clock gives fully deterministic tests.
 */

const QUEUE_MS = 1_500;
const aiFreeModes = new Set(["redeploy", "rebase"]);

export interface SessionStart {
  prompt: string | null;
  mode: string;
  agentConfig: SimSession["agentConfig"];
  fileKeys: string[];
  user: WireUser;
  sourceSessionId?: string;
  /** Forces the outcome (seeding, the team); otherwise the next forced one, else the dice. */
  outcome?: ForcedSession;
  durationMs?: number;
  /** Upstream answers a create or follow-up already `running`; redeploy and rebase queue as `new`. */
  queueMs?: number;
}

export function startSession(
  store: SimStore,
  runner: SimRunner,
  start: SessionStart,
  at = store.clock.now(),
): SimSession {
  const { random } = store;
  const aiFree = aiFreeModes.has(start.mode);
  const durationMs = start.durationMs ?? (aiFree ? random.int(5_000, 12_000) : random.int(25_000, 150_000));
  // Forced outcomes are meant for the agent's own sessions; redeploys and rebases leave them
  // queued, and so do sessions given their outcome (the seed's, the team's).
  const forced =
    start.outcome ??
    (aiFree
      ? undefined
      : takeForced(store.forced.sessions, {
          runnerId: runner.id,
          firstPrompt: runner.sessions[0]?.prompt ?? start.prompt,
        }));
  const outcome = forced ?? drawOutcome(store, start.mode);
  const queueMs = start.queueMs ?? (aiFree ? QUEUE_MS : 0);
  const session: SimSession = {
    id: random.id(),
    runnerId: runner.id,
    state: queueMs > 0 ? "new" : "running",
    mode: start.mode,
    prompt: start.prompt,
    title: start.prompt ? titleFromPrompt(start.prompt) : null,
    agentConfig: start.agentConfig,
    result: null,
    durationMs: 0,
    steps: [],
    currentTask: null,
    deployId: null,
    deployUrl: null,
    failedDeployId: null,
    commitSha: null,
    baseSha: runner.sha ?? random.hex(40),
    devServerId: random.id(),
    attachedFileKeys: start.fileKeys,
    isPublished: false,
    isDiscarded: false,
    resultDiff: null,
    cumulativeDiff: null,
    sourceSessionId: start.sourceSessionId ?? null,
    rebaseOntoDeployId: null,
    usage: null,
    creditsUsed: 0,
    interruptReason: null,
    creditLimitExceededMessage: null,
    interactions: new Map(),
    user: start.user,
    createdAt: at,
    updatedAt: at,
    doneAt: null,
    plan: null,
    nextEventAt: null,
  };
  session.plan = planSession(store, session, at + queueMs, durationMs, outcome);
  store.addSession(runner, session);
  scheduleNext(store, session);
  return session;
}

function drawOutcome(store: SimStore, mode: string): SessionOutcome {
  const roll = store.random.next();
  if (aiFreeModes.has(mode)) return roll < 0.03 ? "build_failure" : "done";
  if (mode === "ask") return roll < 0.05 ? "error" : "done";
  if (roll < 0.05) return "error";
  if (roll < 0.1) return "build_failure";
  if (roll < 0.2) return "question";
  if (roll < 0.22) return "authorization";
  return "done";
}

function planSession(
  store: SimStore,
  session: SimSession,
  runningAt: number,
  durationMs: number,
  forced: ForcedSession,
): SessionPlan {
  const outcome: SessionOutcome = typeof forced === "string" ? forced : "question";
  const { random } = store;
  const titles =
    session.mode === "redeploy"
      ? ["Preparing deploy", "Building site", "Deploying preview"]
      : session.mode === "rebase"
        ? ["Fetching latest production deploy", "Re-applying changes", "Deploying preview"]
        : stepTitles(
            random,
            sessionChanges(random, session.title ?? "Change").map((c) => c.path),
          );
  const aiFree = aiFreeModes.has(session.mode);
  const steps = titles.map((title, index) => ({
    at: runningAt + Math.floor((durationMs * index) / titles.length),
    title,
    credits: aiFree ? 0 : random.int(2, 30) / 100,
  }));
  const plan: SessionPlan = {
    runningAt,
    finishAt: runningAt + durationMs,
    outcome: outcome === "error" || outcome === "build_failure" ? "error" : "done",
    buildFails: outcome === "build_failure",
    steps,
  };
  if (outcome === "question" || outcome === "authorization") {
    // Ask after reading the code, before editing it: about a third of the way in.
    const askAfter = steps[Math.max(1, Math.floor(steps.length / 3))] ?? steps[0];
    const payload =
      typeof forced === "object"
        ? forced.questions
        : outcome === "question"
          ? pickQuestions(random)
          : [random.pick(authorizationBank)];
    plan.pause = { at: (askAfter?.at ?? runningAt) + 1, type: outcome, payload };
  }
  return plan;
}

/** When the session's next planned transition is due, or null if it waits on someone. */
function nextTransitionAt(session: SimSession): number | null {
  const plan = session.plan;
  if (!plan) return null;
  if (session.state === "new") return plan.runningAt;
  if (session.state !== "running") return null;
  const nextStep = plan.steps[session.steps.length]?.at ?? Number.POSITIVE_INFINITY;
  return Math.min(nextStep, plan.pause?.at ?? Number.POSITIVE_INFINITY, plan.finishAt);
}

/** Puts the session's next transition on the timeline; an event whose time no longer matches is stale. */
export function scheduleNext(store: SimStore, session: SimSession): void {
  const at = nextTransitionAt(session);
  session.nextEventAt = at;
  if (at === null) return;
  store.timeline.schedule(at, (firedAt) => {
    if (session.nextEventAt === firedAt) fireTransition(store, session, firedAt);
  });
}

function fireTransition(store: SimStore, session: SimSession, at: number): void {
  const runner = store.runners.get(session.runnerId);
  const plan = session.plan;
  if (!runner || !plan) return;
  if (session.state === "new") {
    session.state = "running";
    session.updatedAt = at;
    store.changed(runner, at);
  } else if (plan.pause && plan.pause.at <= at) {
    askPerson(store, runner, session, at);
  } else if ((plan.steps[session.steps.length]?.at ?? Number.POSITIVE_INFINITY) <= at) {
    if (reachStep(store, runner, session, at)) return;
  } else if (plan.finishAt <= at) {
    finishSession(store, runner, session, plan);
  }
  scheduleNext(store, session);
}

/** Reaches the next step and pays for it; true when that spent the last credit and ended the session. */
function reachStep(store: SimStore, runner: SimRunner, session: SimSession, at: number): boolean {
  const step = session.plan?.steps[session.steps.length];
  if (!step) return false;
  session.steps.push({ title: step.title, id: session.steps.length });
  session.currentTask = step.title;
  session.updatedAt = at;
  session.creditsUsed += step.credits;
  store.changed(runner, at);
  const account = store.accountOf(store.siteOf(runner));
  const exhausted = chargeCredits(account.credits, session.user.id, step.credits);
  if (!exhausted) return false;
  interruptForCredits(store, account.id, exhausted === "user" ? session.user.id : undefined, exhausted, at);
  return true;
}

function askPerson(store: SimStore, runner: SimRunner, session: SimSession, at: number): void {
  const pause = session.plan?.pause;
  if (!pause) return;
  const refId = `ref_${store.random.hex(12)}`;
  session.interactions.set(refId, {
    type: pause.type,
    status: "pending",
    payload: pause.payload,
    createdAt: at,
  });
  session.state = "await_input";
  session.currentTask = pause.type === "question" ? "Waiting for your answer" : "Waiting for authorization";
  session.updatedAt = at;
  store.changed(runner, at);
}

/** Picks the work up again after an answer or skip: every later planned time moves by the wait. */
export function resumeSession(store: SimStore, runner: SimRunner, session: SimSession, at: number): void {
  const plan = session.plan;
  if (!plan?.pause) return;
  const waited = Math.max(0, at - plan.pause.at);
  for (const step of plan.steps) if (step.at > plan.pause.at) step.at += waited;
  plan.finishAt += waited;
  plan.pause = undefined;
  session.state = "running";
  session.currentTask = "Reading your answer";
  session.updatedAt = at;
  store.changed(runner, at);
  scheduleNext(store, session);
}

/** Applies every transition due by `now`, in time order: sessions, PRs, commits, the demo team. */
export function advance(store: SimStore, now = store.clock.now()): void {
  store.timeline.runUntil(now);
}
