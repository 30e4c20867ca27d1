import { sessionStates } from "@/lib/netlify/schemas";
import { startSession } from "../agent";
import { refuseWithoutCredits } from "../credits";
import {
  accepted,
  json,
  optionalEnum,
  queryBool,
  requiredString,
  type SimContext,
  SimHttpError,
  stringList,
} from "../http";
import { answerInteraction, parseAnswerBody } from "../interactions";
import type { SimRunner, SimSession } from "../model";
import { pageHeaders, pageRequest, slicePage } from "../pagination";
import { sessionWire } from "../serialize";
import { stopSession } from "../session-end";
import { refuseWhileActive, wireUser } from "../store";
import { diffResponse } from "./runner-actions";
import { agentConfig, createModes, unixSecondsMs, visibleRunner } from "./runners";

function visibleSession(ctx: SimContext): SimSession {
  const runner = visibleRunner(ctx);
  const session = runner.sessions.find((candidate) => candidate.id === ctx.params.session_id);
  if (!session) throw new SimHttpError(404, "Not found");
  return session;
}

// GET /agent_runners/{id}/sessions — oldest first unless order_by=desc; discarded ones hidden by default.
export function listSessions(ctx: SimContext) {
  const runner = visibleRunner(ctx);
  const request = pageRequest(ctx);
  const state = ctx.query.get("state");
  if (state && !(sessionStates as readonly string[]).includes(state)) {
    throw new SimHttpError(422, `state must be one of ${sessionStates.join(", ")}`);
  }
  const order = ctx.query.get("order_by") ?? "asc";
  if (order !== "asc" && order !== "desc") throw new SimHttpError(422, "order_by must be asc or desc");
  const from = unixSecondsMs(ctx, "from");
  const to = unixSecondsMs(ctx, "to");
  const includeDiscarded = queryBool(ctx, "include_discarded");
  const matching = runner.sessions.filter(
    (session) =>
      (includeDiscarded || !session.isDiscarded) &&
      (!state || session.state === state) &&
      (from === undefined || session.createdAt >= from) &&
      (to === undefined || session.createdAt <= to),
  );
  if (order === "desc") matching.reverse();
  return json(
    slicePage(matching, request).map(sessionWire),
    200,
    pageHeaders(ctx, `/api/v1/agent_runners/${runner.id}/sessions`, matching.length, request),
  );
}

// POST /agent_runners/{id}/sessions — a follow-up; one active session per runner.
export function createSession(ctx: SimContext) {
  const runner = visibleRunner(ctx);
  const prompt = requiredString(ctx, "prompt");
  const mode = optionalEnum(ctx, "mode", createModes) ?? "normal";
  const config = agentConfig(ctx);
  const fileKeys = stringList(ctx, "file_keys");
  if (runner.archived) throw new SimHttpError(422, "Agent runner is archived");
  refuseWhileActive(runner);
  refuseAfterPublish(runner);
  refuseWithoutCredits(ctx.store, ctx.store.accountOf(ctx.store.siteOf(runner)), ctx.user.id);
  const user = wireUser(ctx.user);
  if (!runner.contributors.some((contributor) => contributor.id === user.id)) runner.contributors.push(user);
  runner.attachedFileKeys = [...new Set([...runner.attachedFileKeys, ...fileKeys])];
  const session = startSession(ctx.store, runner, { prompt, mode, agentConfig: config, fileKeys, user });
  return json(sessionWire(session));
}

/** A run that was published (or is being published) takes no more prompts (§7.6). */
function refuseAfterPublish(runner: SimRunner): void {
  if (runner.publishingState !== null) {
    throw new SimHttpError(
      409,
      "This run was published to production; start a new run to make more changes",
      {
        error_code: "follow_up_unavailable",
      },
    );
  }
}

// POST /agent_runners/{id}/sessions/{sid}/answers — answers or skips the pending question; the session runs again.
export function answerSession(ctx: SimContext) {
  const session = visibleSession(ctx);
  const runner = visibleRunner(ctx);
  const answer = parseAnswerBody(ctx.body);
  if (session.state === "await_input")
    refuseWithoutCredits(ctx.store, ctx.store.accountOf(ctx.store.siteOf(runner)), ctx.user.id, {
      newRun: false,
    });
  answerInteraction(ctx.store, runner, session, answer);
  return json(sessionWire(session));
}

// GET /agent_runners/{id}/sessions/{sid}
export const getSession = (ctx: SimContext) => json(sessionWire(visibleSession(ctx)));

// PATCH /agent_runners/{id}/sessions/{sid}
export function updateSession(ctx: SimContext) {
  const session = visibleSession(ctx);
  const { title, is_published: isPublished } = ctx.body;
  if (title !== undefined && typeof title !== "string" && title !== null)
    throw new SimHttpError(422, "title must be a string");
  if (isPublished !== undefined && typeof isPublished !== "boolean") {
    throw new SimHttpError(422, "is_published must be a boolean");
  }
  if (title !== undefined) session.title = title as string | null;
  if (isPublished !== undefined) session.isPublished = isPublished;
  session.updatedAt = ctx.store.clock.now();
  ctx.store.changed(ctx.store.runners.get(session.runnerId));
  return json(sessionWire(session));
}

// DELETE /agent_runners/{id}/sessions/{sid}
export function stopGivenSession(ctx: SimContext) {
  const session = visibleSession(ctx);
  const runner = visibleRunner(ctx);
  stopSession(ctx.store, runner, session);
  return accepted();
}

// POST /agent_runners/{id}/sessions/{sid}/redeploy — rebuilds the preview without the AI.
export function redeploySession(ctx: SimContext) {
  const source = visibleSession(ctx);
  const runner = visibleRunner(ctx);
  if (source.state !== "done") throw new SimHttpError(400, "Only a finished session can be redeployed");
  if (!source.cumulativeDiff) throw new SimHttpError(400, "The session has no changes to deploy");
  refuseWhileActive(runner);
  refuseWithoutCredits(ctx.store, ctx.store.accountOf(ctx.store.siteOf(runner)), ctx.user.id);
  const session = startSession(ctx.store, runner, {
    prompt: null,
    mode: "redeploy",
    agentConfig: {},
    fileKeys: [],
    user: wireUser(ctx.user),
    sourceSessionId: source.id,
  });
  // It ships the source's changes again once it finishes: a cumulative diff, no result diff of its own.
  return json(sessionWire(session));
}

// GET /agent_runners/{id}/sessions/{sid}/diff/result
export function sessionResultDiff(ctx: SimContext) {
  const session = visibleSession(ctx);
  return diffResponse(
    ctx,
    session.resultDiff,
    `/api/v1/agent_runners/${session.runnerId}/sessions/${session.id}/diff/result`,
  );
}

// GET /agent_runners/{id}/sessions/{sid}/diff/cumulative
export function sessionCumulativeDiff(ctx: SimContext) {
  const session = visibleSession(ctx);
  const path = `/api/v1/agent_runners/${session.runnerId}/sessions/${session.id}/diff/cumulative`;
  return diffResponse(ctx, session.cumulativeDiff, path);
}

// POST /agent_runners/{id}/sessions/{sid}/diff/upload_urls — worker-side: where to put the patches.
export function sessionDiffUploadUrls(ctx: SimContext) {
  const session = visibleSession(ctx);
  const prefix = `agent-runner-sessions-diffs/${session.runnerId}/${session.id}`;
  const signed = (key: string) => `${ctx.origin}/__sim/uploads/${key}?signature=${ctx.store.random.hex(32)}`;
  return json({
    result: { upload_url: signed(`${prefix}/result.patch`), s3_key: `${prefix}/result.patch` },
    cumulative: { upload_url: signed(`${prefix}/cumulative.patch`), s3_key: `${prefix}/cumulative.patch` },
  });
}
