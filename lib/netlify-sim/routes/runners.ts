import { agents, efforts, runnerStates } from "@/lib/netlify/schemas";
import { startSession } from "../agent";
import { refuseWithoutCredits } from "../credits";
import {
  accepted,
  json,
  optionalEnum,
  optionalString,
  requiredString,
  type SimContext,
  SimHttpError,
  stringList,
} from "../http";
import type { SimRunner } from "../model";
import { pageHeaders, pageRequest, slicePage } from "../pagination";
import { runnerJson, runnerState, runnerWire, snapshotWire } from "../serialize";
import { stopSession } from "../session-end";
import { activeSession, addEmptyRunner, lastActivity, wireUser } from "../store";

export const createModes = ["normal", "create", "ask"] as const;

export function visibleRunner(ctx: SimContext): SimRunner {
  const runner = ctx.store.runnerVisibleTo(ctx.user, ctx.params.runner_id ?? "");
  if (!runner) throw new SimHttpError(404, "Not found");
  return runner;
}

export function agentConfig(ctx: SimContext): { agent?: string; model?: string | null; effort?: string } {
  const agent = optionalEnum(ctx, "agent", agents);
  const model = optionalString(ctx, "model");
  const effort = optionalEnum(ctx, "effort", efforts);
  // Upstream echoes the effective values; "auto" resolves to claude here.
  return { agent: agent ?? "claude", model: model ?? null, ...(effort ? { effort } : {}) };
}

/** A `from`/`to` query value: Unix seconds upstream, milliseconds here. */
export const unixSecondsMs = (ctx: SimContext, name: string): number | undefined => {
  const raw = ctx.query.get(name);
  if (raw === null || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new SimHttpError(400, `${name} must be a Unix timestamp in seconds`);
  return value * 1000;
};

// GET /agent_runners
export function listRunners(ctx: SimContext) {
  const siteId = ctx.query.get("site_id");
  if (!siteId) throw new SimHttpError(400, "site_id is required");
  if (!ctx.store.siteVisibleTo(ctx.user, siteId)) throw new SimHttpError(404, "Not found");
  const request = pageRequest(ctx);
  const state = ctx.query.get("state");
  if (state && !(runnerStates as readonly string[]).includes(state) && state !== "live") {
    throw new SimHttpError(422, `state must be one of ${runnerStates.join(", ")}`);
  }
  const from = unixSecondsMs(ctx, "from");
  const to = unixSecondsMs(ctx, "to");
  const title = ctx.query.get("title")?.toLowerCase();
  const branch = ctx.query.get("branch");
  const resultBranch = ctx.query.get("result_branch");
  const userId = ctx.query.get("user_id");

  const matching = (ctx.store.runnersBySite.get(siteId) ?? []).filter((runner) => {
    const current = runnerState(runner);
    // Archived runners are a soft delete: listed only when asked for.
    if (state === "live") return current === "new" || current === "running";
    if (state ? current !== state : current === "archived") return false;
    if (from !== undefined && runner.createdAt < from) return false;
    if (to !== undefined && runner.createdAt > to) return false;
    if (title && !(runner.title ?? "").toLowerCase().includes(title)) return false;
    if (branch && runner.branch !== branch) return false;
    if (resultBranch && runner.prBranch !== resultBranch) return false;
    if (userId && runner.user.id !== userId) return false;
    return true;
  });
  matching.sort((a, b) => lastActivity(b) - lastActivity(a));
  const page = slicePage(matching, request);
  return {
    status: 200,
    body: `[${page.map((runner) => runnerJson(ctx.store, runner)).join(",")}]`,
    headers: {
      "content-type": "application/json; charset=utf-8",
      ...pageHeaders(ctx, "/api/v1/agent_runners", matching.length, request),
    },
  };
}

// POST /agent_runners?site_id=X — answers 200 with the runner already `running`.
export const createRunner = (ctx: SimContext) => json(startRun(ctx, optionalString(ctx, "site_id")));

// POST /sites/{site_id}/agent_runners — the public form of the same call (§7.7); 201 as Netlify's own client sees it.
export const createSiteRunner = (ctx: SimContext) => json(startRun(ctx, ctx.params.site_id), 201);

function startRun(ctx: SimContext, siteId: string | undefined) {
  if (!siteId) throw new SimHttpError(400, "site_id is required");
  const site = ctx.store.siteVisibleTo(ctx.user, siteId);
  if (!site) throw new SimHttpError(404, "Site not found");
  const prompt = requiredString(ctx, "prompt");
  const mode = optionalEnum(ctx, "mode", createModes) ?? "normal";
  const config = agentConfig(ctx);
  const deployId = optionalString(ctx, "deploy_id");
  if (deployId !== undefined && ctx.store.deploys.get(deployId)?.siteId !== site.id)
    throw new SimHttpError(422, "The deploy to start from does not exist on this site");
  const parentId = optionalString(ctx, "parent_agent_runner_id");
  if (parentId && !ctx.store.runnerVisibleTo(ctx.user, parentId))
    throw new SimHttpError(404, "Parent runner not found");
  const fileKeys = stringList(ctx, "file_keys");
  refuseWithoutCredits(ctx.store, ctx.store.accountOf(site), ctx.user.id);
  const branch =
    site.codeOrigin === "zip" ? null : (optionalString(ctx, "branch") ?? site.repoBranch ?? "main");
  const now = ctx.store.clock.now();
  const user = wireUser(ctx.user);
  const runner = addEmptyRunner(ctx.store, {
    site,
    creator: user,
    createdAt: now,
    // A deploy to start from overrides the branch.
    branch: deployId ? null : branch,
    baseDeployId: deployId ?? null,
    parentAgentRunnerId: parentId ?? null,
    attachedFileKeys: fileKeys,
  });
  const session = startSession(ctx.store, runner, { prompt, mode, agentConfig: config, fileKeys, user }, now);
  runner.title = session.title;
  return runnerWire(ctx.store, runner);
}

// GET /agent_runners/{id}
export const getRunner = (ctx: SimContext) => json(runnerWire(ctx.store, visibleRunner(ctx)));

// GET /agent_runners/{id}/snapshot — the run, its sessions (oldest first) and deploys, with a change counter.
export const getSnapshot = (ctx: SimContext) => json(snapshotWire(ctx.store, visibleRunner(ctx)));

// PATCH /agent_runners/{id}
export function updateRunner(ctx: SimContext) {
  const runner = visibleRunner(ctx);
  const title = optionalString(ctx, "title");
  const baseDeployId = optionalString(ctx, "base_deploy_id");
  if (title !== undefined) runner.title = title;
  if (baseDeployId !== undefined) runner.baseDeployId = baseDeployId;
  ctx.store.changed(runner);
  return json(runnerWire(ctx.store, runner));
}

// DELETE /agent_runners/{id} — stops the active session; the runner stays.
export function stopRunner(ctx: SimContext) {
  const runner = visibleRunner(ctx);
  const active = activeSession(runner);
  if (active) stopSession(ctx.store, runner, active);
  return accepted();
}

// POST /agent_runners/{id}/archive
export function archiveRunner(ctx: SimContext) {
  const runner = visibleRunner(ctx);
  if (runner.archived) throw new SimHttpError(422, "Agent runner is already archived");
  const active = activeSession(runner);
  if (active) stopSession(ctx.store, runner, active);
  runner.archived = true;
  ctx.store.changed(runner);
  return accepted();
}
