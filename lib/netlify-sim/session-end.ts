import { askAnswerMarkdown, errorMarkdown, resultMarkdown } from "./content";
import { mergeChanges, renderDiff, sessionChanges, splitDiff } from "./diffs";
import type { SessionPlan, SimRunner, SimSession } from "./model";
import type { SimStore } from "./store";

const buildFailures = [
  "Build script returned non-zero exit code: 2",
  "Deploy did not succeed: the functions bundle is over the size limit",
];

/**
 * A session reaching its planned end: diffs, result, deploy preview and usage. Ask sessions
 * answer in Markdown and change nothing; redeploys ship their source session's changes again.
 */
export function finishSession(
  store: SimStore,
  runner: SimRunner,
  session: SimSession,
  plan: SessionPlan,
): void {
  const { random } = store;
  session.state = plan.outcome;
  session.doneAt = plan.finishAt;
  session.updatedAt = plan.finishAt;
  session.durationMs = plan.finishAt - plan.runningAt;
  session.currentTask = null;
  session.steps = plan.steps.map((step, index) => ({ title: step.title, id: index }));
  if (plan.outcome === "done") finishDone(store, runner, session);
  else {
    session.result = errorMarkdown(random);
    if (plan.buildFails && session.mode !== "ask") addDeploy(store, runner, session, "error");
  }
  session.usage = usage(store, session);
  if (!runner.title && session.title) runner.title = session.title;
  store.changed(runner, plan.finishAt);
}

function finishDone(store: SimStore, runner: SimRunner, session: SimSession): void {
  if (session.mode === "ask") {
    session.result = askAnswerMarkdown(session.title ?? "Answer");
    return;
  }
  const base = session.sourceSessionId
    ? runner.sessions.find((candidate) => candidate.id === session.sourceSessionId)
    : runner.sessions.filter((s) => s !== session && !s.isDiscarded && s.cumulativeDiff).at(-1);
  const earlier = base?.cumulativeDiff ? splitDiff(base.cumulativeDiff) : [];
  const changes =
    session.mode === "normal" || session.mode === "create"
      ? sessionChanges(store.random, session.title ?? "Change")
      : [];
  session.resultDiff = changes.length > 0 ? renderDiff(changes) : null;
  const cumulative = mergeChanges(earlier, changes);
  session.cumulativeDiff = cumulative.length > 0 ? renderDiff(cumulative) : null;
  session.result = resultMarkdown(
    session.title ??
      (session.mode === "rebase" ? "Rebased on the latest production deploy" : "Redeployed preview"),
    changes.map((change) => change.path),
  );
  addDeploy(store, runner, session, "ready");
  // Only a rebase that succeeded moves the run onto the new production deploy.
  if (session.rebaseOntoDeployId) runner.baseProductionDeployId = session.rebaseOntoDeployId;
}

function addDeploy(store: SimStore, runner: SimRunner, session: SimSession, state: "ready" | "error"): void {
  const site = store.siteOf(runner);
  const id = store.random.id();
  const url = `https://${id}--${site.name}.netlify.app`;
  store.addDeploy({
    id,
    siteId: site.id,
    state,
    context: "deploy-preview",
    url: state === "ready" ? url : null,
    errorMessage: state === "error" ? store.random.pick(buildFailures) : null,
    createdAt: session.doneAt ?? store.clock.now(),
  });
  if (state === "ready") {
    session.deployId = id;
    session.deployUrl = url;
  } else session.failedDeployId = id;
}

function usage(store: SimStore, session: SimSession): Record<string, number> | null {
  if (session.creditsUsed === 0) return null;
  const inputTokens = store.random.int(20_000, 400_000);
  const outputTokens = store.random.int(2_000, 40_000);
  return {
    total_input_tokens: inputTokens,
    total_output_tokens: outputTokens,
    total_cached_input_tokens: Math.floor(inputTokens * 0.6),
    total_cached_output_tokens: 0,
    total_tokens: inputTokens + outputTokens,
    total_credits_cost: Math.round(session.creditsUsed * 100) / 100,
  };
}

/** A session ended before its plan did: stopped by a person, or interrupted by the platform. */
export function endSession(
  store: SimStore,
  runner: SimRunner,
  session: SimSession,
  state: "cancelled" | "interrupted",
  at: number,
): void {
  session.state = state;
  session.doneAt = at;
  session.updatedAt = at;
  session.durationMs = session.plan ? Math.max(0, at - session.plan.runningAt) : 0;
  session.currentTask = null;
  session.nextEventAt = null;
  // A question of an ended session can no longer be answered: it is settled as skipped.
  for (const interaction of session.interactions.values()) {
    if (interaction.status !== "pending") continue;
    interaction.status = "skipped";
    interaction.answeredAt = at;
  }
  store.changed(runner, at);
}

/** Cancels a queued, working or waiting session; anything else is left as it is (stop is idempotent). */
export function stopSession(
  store: SimStore,
  runner: SimRunner,
  session: SimSession,
  at = store.clock.now(),
): void {
  if (session.state === "new" || session.state === "running" || session.state === "await_input")
    endSession(store, runner, session, "cancelled", at);
}
