import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson, netlifyNoContent } from "./fetch";
import { collectAllPages, netlifyPage, type Page } from "./pagination";
import type { Agent, Effort, SessionMode } from "./runners";
import { runnerPath } from "./runners";
import { type NetlifySession, netlifySessionSchema, type SessionState } from "./schemas";
import { pathSegment, toUnixSeconds } from "./url";

export interface SessionFilters {
  state?: SessionState;
  /** Unix seconds (a Date is converted). */
  from?: number | Date;
  to?: number | Date;
  /** Upstream default is `asc` (oldest first). */
  orderBy?: "asc" | "desc";
  /** Sessions after a revert point are hidden unless asked for. */
  includeDiscarded?: boolean;
}

export interface ListSessionsParams extends SessionFilters {
  page?: number;
  perPage?: number;
}

export interface CreateSessionParams {
  prompt: string;
  agent?: Agent;
  model?: string;
  effort?: Effort;
  mode?: SessionMode;
  fileKeys?: string[];
  devServerImage?: string;
}

export interface UpdateSessionParams {
  isPublished?: boolean;
  title?: string;
}

export const sessionPath = (runnerId: string, sessionId: string) =>
  `${runnerPath(runnerId)}/sessions/${pathSegment(sessionId)}`;

export function listSessions(
  config: NetlifyConfig,
  runnerId: string,
  params: ListSessionsParams = {},
  options: CallOptions = {},
): Promise<Page<NetlifySession>> {
  const query = {
    state: params.state,
    from: toUnixSeconds(params.from),
    to: toUnixSeconds(params.to),
    order_by: params.orderBy,
    include_discarded: params.includeDiscarded,
  };
  const init = { query, page: params.page, perPage: params.perPage, signal: options.signal };
  return netlifyPage(config, `${runnerPath(runnerId)}/sessions`, init, netlifySessionSchema);
}

export function listAllSessions(
  config: NetlifyConfig,
  runnerId: string,
  filters: SessionFilters = {},
  options: CallOptions = {},
): Promise<NetlifySession[]> {
  return collectAllPages((page) => listSessions(config, runnerId, { ...filters, ...page }, options), {
    idOf: (session) => session.id,
  });
}

export function getSession(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  options: CallOptions = {},
): Promise<NetlifySession> {
  return netlifyJson(
    config,
    sessionPath(runnerId, sessionId),
    { signal: options.signal },
    netlifySessionSchema,
  );
}

// POST /agent_runners/{id}/sessions — a follow-up; 409 `active_session_exists` while one runs.
export function createSession(
  config: NetlifyConfig,
  runnerId: string,
  params: CreateSessionParams,
  options: CallOptions = {},
): Promise<NetlifySession> {
  const body = {
    prompt: params.prompt,
    agent: params.agent,
    model: params.model,
    effort: params.effort,
    mode: params.mode,
    file_keys: params.fileKeys,
    dev_server_image: params.devServerImage,
  };
  const init = { method: "POST", body, signal: options.signal } as const;
  return netlifyJson(config, `${runnerPath(runnerId)}/sessions`, init, netlifySessionSchema);
}

export function updateSession(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  params: UpdateSessionParams,
  options: CallOptions = {},
): Promise<NetlifySession> {
  const init = {
    method: "PATCH",
    body: { is_published: params.isPublished, title: params.title },
    signal: options.signal,
  } as const;
  return netlifyJson(config, sessionPath(runnerId, sessionId), init, netlifySessionSchema);
}

// DELETE …/sessions/{sid} — 202, empty; the session ends `cancelled`.
export function stopSession(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  options: CallOptions = {},
): Promise<void> {
  return netlifyNoContent(config, sessionPath(runnerId, sessionId), {
    method: "DELETE",
    signal: options.signal,
  });
}

// POST …/redeploy — answers with the new `mode:"redeploy"` session, not the source one.
export function redeploySession(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  options: CallOptions = {},
): Promise<NetlifySession> {
  const init = { method: "POST", signal: options.signal } as const;
  return netlifyJson(config, `${sessionPath(runnerId, sessionId)}/redeploy`, init, netlifySessionSchema);
}
