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
import { upstreamRequest } from "./upstream-request";
import { toUnixSeconds } from "./url";

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

// Newest activity first (sorted by last_session_created_at desc).
export async function listRunners(
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
  const { method, path } = upstreamRequest("listRunners", {});
  const init = { method, query, page: params.page, perPage: params.perPage, signal: options.signal };
  return netlifyPage(config, path, init, netlifyRunnerSchema);
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

export async function getRunner(
  config: NetlifyConfig,
  id: string,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const { method, path } = upstreamRequest("getRunner", { runner_id: id });
  return netlifyJson(config, path, { method, signal: options.signal }, netlifyRunnerSchema);
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

// site_id in the query, the rest as JSON, as real clients do.
export async function createRunner(
  config: NetlifyConfig,
  params: CreateRunnerParams,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const { method, path } = upstreamRequest("createRunner", {});
  const init = {
    method,
    query: { site_id: params.siteId },
    body: createRunnerBody(params),
    signal: options.signal,
  };
  return netlifyJson(config, path, init, netlifyRunnerSchema);
}

// The documented public form of the same call (200 or 201).
export async function createRunnerOnSite(
  config: NetlifyConfig,
  params: CreateRunnerParams,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const { method, path } = upstreamRequest("createSiteRunner", { site_id: params.siteId });
  const init = { method, body: createRunnerBody(params), signal: options.signal };
  return netlifyJson(config, path, init, netlifyRunnerSchema);
}

export async function updateRunner(
  config: NetlifyConfig,
  id: string,
  params: UpdateRunnerParams,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const { method, path } = upstreamRequest("updateRunner", { runner_id: id });
  const body = { title: params.title, base_deploy_id: params.baseDeployId };
  return netlifyJson(config, path, { method, body, signal: options.signal }, netlifyRunnerSchema);
}

// Cancels the active session; the runner itself stays (202, empty).
export async function stopRunner(
  config: NetlifyConfig,
  id: string,
  options: CallOptions = {},
): Promise<void> {
  const { method, path } = upstreamRequest("stopRunner", { runner_id: id });
  return netlifyNoContent(config, path, { method, signal: options.signal });
}

// A soft delete (202, empty).
export async function archiveRunner(
  config: NetlifyConfig,
  id: string,
  options: CallOptions = {},
): Promise<void> {
  const { method, path } = upstreamRequest("archiveRunner", { runner_id: id });
  return netlifyNoContent(config, path, { method, signal: options.signal });
}
