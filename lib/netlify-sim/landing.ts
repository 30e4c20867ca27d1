import { slugify } from "./content";
import { publishProductionDeploy } from "./deploys";
import type { SimRunner } from "./model";
import { type ActionOutcome, type Forced, type SimStore, takeForced } from "./store";

/*
 * The asynchronous runner actions: the API answers at once with `*_is_being_created: true`
 * (or `publishing_state: "publishing"`) and the result lands a few seconds later, sometimes
 * as an error that clients must show (`pr_error`, `merge_commit_error`).
 */

const PR_DELAY_MS = 3_000;
const COMMIT_DELAY_MS = 2_000;
const PUBLISH_DELAY_MS = 4_000;

const prErrors = [
  "Could not push the branch: the repository's branch protection rules rejected it",
  "GitHub did not accept the pull request: the base branch no longer exists",
];
const commitErrors = [
  "Merge conflict in `src/components/Header.tsx`: the branch changed since the run started",
  "The target branch is protected and cannot be committed to directly",
];

function outcomeOf(
  store: SimStore,
  runner: SimRunner,
  queue: Forced<ActionOutcome>[],
  errorRate: number,
): ActionOutcome {
  const forced = takeForced(queue, { runnerId: runner.id, firstPrompt: runner.sessions[0]?.prompt ?? null });
  return forced ?? (store.random.chance(errorRate) ? "error" : "ok");
}

export function beginPullRequest(store: SimStore, runner: SimRunner, now = store.clock.now()): void {
  runner.prIsBeingCreated = true;
  runner.prError = null;
  const outcome = outcomeOf(store, runner, store.forced.pullRequests, 0.08);
  store.changed(runner, now);
  store.timeline.schedule(now + PR_DELAY_MS, (at) => {
    if (!store.runners.has(runner.id)) return;
    runner.prIsBeingCreated = false;
    if (outcome === "error") runner.prError = store.random.pick(prErrors);
    else landPullRequest(store, runner);
    store.changed(runner, at);
  });
}

export function landPullRequest(store: SimStore, runner: SimRunner): void {
  const site = store.siteOf(runner);
  const number = (store.pullRequestCounters.get(site.id) ?? 0) + 1;
  store.pullRequestCounters.set(site.id, number);
  runner.prIsBeingCreated = false;
  runner.prBranch = `agent-${slugify(runner.title ?? "change")}-${store.random.hex(4)}`;
  runner.prNumber = number;
  runner.prState = "open";
  runner.prUrl = `${site.repoUrl ?? "https://github.com/example/site"}/pull/${number}`;
  commitSessions(store, runner);
}

/** Each uncommitted session becomes its own commit; the runner keeps the newest SHA. */
function commitSessions(store: SimStore, runner: SimRunner): void {
  for (const session of runner.sessions) {
    if (!session.isDiscarded && session.resultDiff && !session.commitSha) {
      session.commitSha = store.random.hex(40);
      runner.mergeCommitSha = session.commitSha;
    }
  }
}

export function beginCommit(store: SimStore, runner: SimRunner): void {
  runner.mergeCommitIsBeingCreated = true;
  runner.mergeCommitError = null;
  const outcome = outcomeOf(store, runner, store.forced.commits, 0.05);
  store.changed(runner);
  store.timeline.schedule(store.clock.now() + COMMIT_DELAY_MS, (at) => {
    if (!store.runners.has(runner.id)) return;
    runner.mergeCommitIsBeingCreated = false;
    if (outcome === "error") runner.mergeCommitError = store.random.pick(commitErrors);
    else commitSessions(store, runner);
    store.changed(runner, at);
  });
}

/** Publish to production (R11): the latest deploy becomes the site's production deploy. */
export function beginPublish(store: SimStore, runner: SimRunner): void {
  runner.publishingState = "publishing";
  runner.mergeCommitIsBeingCreated = true;
  store.changed(runner);
  store.timeline.schedule(store.clock.now() + PUBLISH_DELAY_MS, (at) => {
    if (!store.runners.has(runner.id)) return;
    const site = store.siteOf(runner);
    const published = [...runner.sessions]
      .reverse()
      .find((session) => !session.isDiscarded && session.deployId);
    commitSessions(store, runner);
    runner.mergeCommitIsBeingCreated = false;
    runner.publishingState = "published";
    if (published) published.isPublished = true;
    publishProductionDeploy(store, site, at);
    store.changed(runner, at);
  });
}
