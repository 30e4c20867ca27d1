import { startSession } from "../agent";
import { refuseWithoutCredits } from "../credits";
import { isBinaryChange, renderDiff, splitDiff } from "../diffs";
import { json, optionalString, queryBool, type SimContext, SimHttpError, text } from "../http";
import { beginCommit, beginPublish, beginPullRequest } from "../landing";
import { pageHeaders, pageRequest, slicePage } from "../pagination";
import { rebaseAvailable, runnerWire, sessionWire } from "../serialize";
import { latestWithDiff, refuseWhileActive, wireUser } from "../store";
import { visibleRunner } from "./runners";

const productionBranches = new Set(["main", "master", "production"]);

// POST /agent_runners/{id}/revert {session_id}
export function revertRunner(ctx: SimContext) {
  const runner = visibleRunner(ctx);
  const sessionId = optionalString(ctx, "session_id");
  if (!sessionId) throw new SimHttpError(400, "session_id is required");
  const index = runner.sessions.findIndex((session) => session.id === sessionId && !session.isDiscarded);
  if (index < 0) throw new SimHttpError(404, "Session not found");
  if (index === 0) throw new SimHttpError(400, "Cannot revert to the first session");
  refuseWhileActive(runner);
  const later = runner.sessions.slice(index + 1);
  if (later.some((session) => session.commitSha))
    throw new SimHttpError(400, "Cannot revert past committed sessions");
  for (const session of later) session.isDiscarded = true;
  ctx.store.changed(runner);
  return json(runnerWire(ctx.store, runner));
}

// POST /agent_runners/{id}/rebase — only for sites without a git repository.
export function rebaseRunner(ctx: SimContext) {
  const runner = visibleRunner(ctx);
  const site = ctx.store.siteOf(runner);
  if (site.codeOrigin !== "zip")
    throw new SimHttpError(422, "Rebase is only available for sites without a git repository");
  refuseWhileActive(runner);
  if (!latestWithDiff(runner)) throw new SimHttpError(400, "There is no diff to rebase");
  if (!rebaseAvailable(ctx.store, runner))
    throw new SimHttpError(400, "Already based on the latest production deploy");
  refuseWithoutCredits(ctx.store, ctx.store.accountOf(site), ctx.user.id);
  const session = startSession(ctx.store, runner, {
    prompt: null,
    mode: "rebase",
    agentConfig: {},
    fileKeys: [],
    user: wireUser(ctx.user),
  });
  // Once it succeeds the run sits on today's production deploy, so a second rebase in a row is refused.
  session.rebaseOntoDeployId = site.productionDeployId;
  return json(sessionWire(session));
}

/** Files-per-page paging and `strip_binary`, as the runner diff endpoint offers. */
export function diffResponse(ctx: SimContext, diff: string | null | undefined, path: string) {
  if (!diff) throw new SimHttpError(404, "No diff");
  let files = splitDiff(diff);
  if (queryBool(ctx, "strip_binary")) files = files.filter((file) => !isBinaryChange(file));
  if (!ctx.query.has("page")) return text(renderDiff(files), { Total: String(files.length) });
  const request = pageRequest(ctx, 25);
  return text(renderDiff(slicePage(files, request)), pageHeaders(ctx, path, files.length, request));
}

// GET /agent_runners/{id}/diff — the cumulative diff of the latest session that has one.
export function runnerDiff(ctx: SimContext) {
  const runner = visibleRunner(ctx);
  return diffResponse(ctx, latestWithDiff(runner)?.cumulativeDiff, `/api/v1/agent_runners/${runner.id}/diff`);
}

// POST /agent_runners/{id}/pull_request — asynchronous: the PR appears a few seconds later.
export function createPullRequest(ctx: SimContext) {
  const runner = visibleRunner(ctx);
  const site = ctx.store.siteOf(runner);
  if (site.codeOrigin !== "github") {
    // Clients recognise this failure by matching /coding installation/i (research notes §4.6).
    throw new SimHttpError(422, "No netlify-coding installation found for this repository (GitHub App)");
  }
  if (runner.prUrl || runner.prIsBeingCreated)
    throw new SimHttpError(409, "A pull request already exists for this agent runner");
  if (
    !runner.sessions.some((session) => !session.isDiscarded && session.state === "done" && session.resultDiff)
  ) {
    throw new SimHttpError(400, "There are no changes to open a pull request with");
  }
  beginPullRequest(ctx.store, runner);
  return json(runnerWire(ctx.store, runner));
}

// POST /agent_runners/{id}/commit {target_branch}
export function commitRunner(ctx: SimContext) {
  const runner = visibleRunner(ctx);
  const targetBranch = optionalString(ctx, "target_branch");
  if (!targetBranch) throw new SimHttpError(400, "target_branch is required");
  if (productionBranches.has(targetBranch)) {
    throw new SimHttpError(400, "Cannot commit to the production branch");
  }
  if (runner.mergeCommitIsBeingCreated) throw new SimHttpError(409, "A commit is already being created");
  const uncommitted = runner.sessions.filter((s) => !s.isDiscarded && s.resultDiff && !s.commitSha);
  if (uncommitted.length === 0) throw new SimHttpError(422, "There are no uncommitted changes");
  beginCommit(ctx.store, runner);
  return json(runnerWire(ctx.store, runner));
}

// POST /agent_runners/{id}/publish_to_production — Netlify-hosted git sites only (R11).
export function publishRunner(ctx: SimContext) {
  const runner = visibleRunner(ctx);
  if (ctx.store.siteOf(runner).codeOrigin !== "netlify-git")
    throw new SimHttpError(
      422,
      "Publish to production is only available for sites that use Netlify's git hosting",
    );
  if (runner.publishingState === "publishing" || runner.mergeCommitIsBeingCreated)
    throw new SimHttpError(400, "Publish to production already in progress");
  if (runner.publishingState === "published") throw new SimHttpError(400, "This run is already published");
  refuseWhileActive(runner);
  if (!runner.sessions.some((session) => !session.isDiscarded && session.deployId))
    throw new SimHttpError(400, "There is no deploy to publish");
  beginPublish(ctx.store, runner);
  return json(runnerWire(ctx.store, runner));
}
