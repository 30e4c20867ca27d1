import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson, netlifyNoContent } from "./fetch";
import { collectAllPages, netlifyPage, type Page } from "./pagination";
import type { Agent, Effort, SessionMode } from "./runners";
import { type NetlifySession, netlifySessionSchema, type SessionState } from "./schemas";
import { upstreamRequest } from "./upstream-request";
import { toUnixSeconds } from "./url";

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

export async function listSessions(
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
  const { method, path } = upstreamRequest("listSessions", { runner_id: runnerId });
  const init = { method, query, page: params.page, perPage: params.perPage, signal: options.signal };
  return netlifyPage(config, path, init, netlifySessionSchema);
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

export async function getSession(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  options: CallOptions = {},
): Promise<NetlifySession> {
  const { method, path } = upstreamRequest("getSession", { runner_id: runnerId, session_id: sessionId });
  return netlifyJson(config, path, { method, signal: options.signal }, netlifySessionSchema);
}

// A follow-up; 409 `active_session_exists` while one runs.
export async function createSession(
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
  const { method, path } = upstreamRequest("createSession", { runner_id: runnerId });
  return netlifyJson(config, path, { method, body, signal: options.signal }, netlifySessionSchema);
}

export async function updateSession(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  params: UpdateSessionParams,
  options: CallOptions = {},
): Promise<NetlifySession> {
  const { method, path } = upstreamRequest("updateSession", { runner_id: runnerId, session_id: sessionId });
  const body = { is_published: params.isPublished, title: params.title };
  return netlifyJson(config, path, { method, body, signal: options.signal }, netlifySessionSchema);
}

// 202, empty; the session ends `cancelled`.
export async function stopSession(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  options: CallOptions = {},
): Promise<void> {
  const { method, path } = upstreamRequest("stopSession", { runner_id: runnerId, session_id: sessionId });
  return netlifyNoContent(config, path, { method, signal: options.signal });
}

// Answers with the new `mode:"redeploy"` session, not the source one.
export async function redeploySession(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  options: CallOptions = {},
): Promise<NetlifySession> {
  const params = { runner_id: runnerId, session_id: sessionId };
  const { method, path } = upstreamRequest("redeploySession", params);
  return netlifyJson(config, path, { method, signal: options.signal }, netlifySessionSchema);
}
