import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson, netlifyNoContent } from "./fetch";
import { collectAllPages, netlifyPage, type Page } from "./pagination";
import {
  type agents,
  type efforts,
  type NetlifyRunner,
  netlifyRunnerSchema,
  type RunnerState,
  type sessionModes,
} from "./schemas";
import { pathSegment, toUnixSeconds } from "./url";

export type Agent = (typeof agents)[number];
export type Effort = (typeof efforts)[number];
export type SessionMode = (typeof sessionModes)[number];

export interface RunnerFilters {
  siteId: string;
  accountId?: string;
  state?: RunnerState;
  title?: string;
  branch?: string;
  resultBranch?: string;
  userId?: string;
  /** Unix seconds (a Date is converted); milliseconds would match nothing upstream. */
  from?: number | Date;
  to?: number | Date;
}

export interface ListRunnersParams extends RunnerFilters {
  page?: number;
  perPage?: number;
}

export interface CreateRunnerParams {
  siteId: string;
  prompt: string;
  agent?: Agent;
  model?: string;
  effort?: Effort;
  /** Leave out on sites without git; `deployId` wins over it upstream. */
  branch?: string;
  deployId?: string;
  mode?: SessionMode;
  parentAgentRunnerId?: string;
  devServerImage?: string;
  fileKeys?: string[];
}

export interface UpdateRunnerParams {
  title?: string;
  baseDeployId?: string;
}

export const runnerPath = (id: string) => `/agent_runners/${pathSegment(id)}`;

// GET /agent_runners — newest activity first (sorted by last_session_created_at desc).
export function listRunners(
  config: NetlifyConfig,
  params: ListRunnersParams,
  options: CallOptions = {},
): Promise<Page<NetlifyRunner>> {
  const query = {
    site_id: params.siteId,
    account_id: params.accountId,
    state: params.state,
    title: params.title,
    branch: params.branch,
    result_branch: params.resultBranch,
    user_id: params.userId,
    from: toUnixSeconds(params.from),
    to: toUnixSeconds(params.to),
  };
  const init = { query, page: params.page, perPage: params.perPage, signal: options.signal };
  return netlifyPage(config, "/agent_runners", init, netlifyRunnerSchema);
}

export function listAllRunners(
  config: NetlifyConfig,
  filters: RunnerFilters,
  options: CallOptions = {},
): Promise<NetlifyRunner[]> {
  return collectAllPages((page) => listRunners(config, { ...filters, ...page }, options), {
    idOf: (runner) => runner.id,
  });
}

export function getRunner(
  config: NetlifyConfig,
  id: string,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  return netlifyJson(config, runnerPath(id), { signal: options.signal }, netlifyRunnerSchema);
}

/** The create body shared by both create forms; unset fields are left out of the JSON. */
function createRunnerBody(params: CreateRunnerParams) {
  return {
    prompt: params.prompt,
    agent: params.agent,
    model: params.model,
    effort: params.effort,
    branch: params.branch,
    deploy_id: params.deployId,
    mode: params.mode,
    parent_agent_runner_id: params.parentAgentRunnerId,
    dev_server_image: params.devServerImage,
    file_keys: params.fileKeys,
  };
}

// POST /agent_runners?site_id=X — site_id in the query, the rest as JSON, as real clients do.
export function createRunner(
  config: NetlifyConfig,
  params: CreateRunnerParams,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const init = {
    method: "POST",
    query: { site_id: params.siteId },
    body: createRunnerBody(params),
    signal: options.signal,
  } as const;
  return netlifyJson(config, "/agent_runners", init, netlifyRunnerSchema);
}

// POST /sites/{site_id}/agent_runners — the documented public form of the same call (200 or 201).
export function createRunnerOnSite(
  config: NetlifyConfig,
  params: CreateRunnerParams,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const init = { method: "POST", body: createRunnerBody(params), signal: options.signal } as const;
  return netlifyJson(config, `/sites/${pathSegment(params.siteId)}/agent_runners`, init, netlifyRunnerSchema);
}

export function updateRunner(
  config: NetlifyConfig,
  id: string,
  params: UpdateRunnerParams,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const body = { title: params.title, base_deploy_id: params.baseDeployId };
  return netlifyJson(
    config,
    runnerPath(id),
    { method: "PATCH", body, signal: options.signal },
    netlifyRunnerSchema,
  );
}

// DELETE /agent_runners/{id} — cancels the active session; the runner itself stays (202, empty).
export function stopRunner(config: NetlifyConfig, id: string, options: CallOptions = {}): Promise<void> {
  return netlifyNoContent(config, runnerPath(id), { method: "DELETE", signal: options.signal });
}

// POST /agent_runners/{id}/archive — a soft delete (202, empty).
export function archiveRunner(config: NetlifyConfig, id: string, options: CallOptions = {}): Promise<void> {
  return netlifyNoContent(config, `${runnerPath(id)}/archive`, { method: "POST", signal: options.signal });
}
