import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson, netlifyStream, netlifyText } from "./fetch";
import {
  type NetlifyRunner,
  type NetlifySession,
  netlifyRunnerSchema,
  netlifySessionSchema,
} from "./schemas";
import { upstreamRequest } from "./upstream-request";

export interface RunnerDiffParams {
  /** Pages count files, not lines; leave `page` out for the whole diff. */
  page?: number;
  perPage?: number;
  stripBinary?: boolean;
}

// Discards every session after `sessionId`.
export async function revertRunner(
  config: NetlifyConfig,
  id: string,
  sessionId: string,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const { method, path } = upstreamRequest("revertRunner", { runner_id: id });
  const init = { method, body: { session_id: sessionId }, signal: options.signal };
  return netlifyJson(config, path, init, netlifyRunnerSchema);
}

// Answers with the new rebase session, not the runner.
export async function rebaseRunner(
  config: NetlifyConfig,
  id: string,
  options: CallOptions = {},
): Promise<NetlifySession> {
  const { method, path } = upstreamRequest("rebaseRunner", { runner_id: id });
  return netlifyJson(config, path, { method, signal: options.signal }, netlifySessionSchema);
}

// Asynchronous: `pr_is_being_created` is true at first.
export async function createPullRequest(
  config: NetlifyConfig,
  id: string,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const { method, path } = upstreamRequest("createPullRequest", { runner_id: id });
  return netlifyJson(config, path, { method, signal: options.signal }, netlifyRunnerSchema);
}

// Not idempotent, and upstream refuses the production branch.
export async function commitRunner(
  config: NetlifyConfig,
  id: string,
  targetBranch: string,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const { method, path } = upstreamRequest("commitRunner", { runner_id: id });
  const init = { method, body: { target_branch: targetBranch }, signal: options.signal };
  return netlifyJson(config, path, init, netlifyRunnerSchema);
}

// Enqueues the publish; 400 while one is under way.
export async function publishRunnerToProduction(
  config: NetlifyConfig,
  id: string,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const { method, path } = upstreamRequest("publishRunner", { runner_id: id });
  return netlifyJson(config, path, { method, signal: options.signal }, netlifyRunnerSchema);
}

function diffRequest(id: string, params: RunnerDiffParams, options: CallOptions) {
  const { method, path } = upstreamRequest("getRunnerDiff", { runner_id: id });
  const query = { page: params.page, per_page: params.perPage, strip_binary: params.stripBinary };
  return { path, init: { method, query, signal: options.signal } };
}

// text/plain unified diff; 404 when there is none.
export async function getRunnerDiff(
  config: NetlifyConfig,
  id: string,
  params: RunnerDiffParams = {},
  options: CallOptions = {},
): Promise<string> {
  const { path, init } = diffRequest(id, params, options);
  return netlifyText(config, path, init);
}

export async function streamRunnerDiff(
  config: NetlifyConfig,
  id: string,
  params: RunnerDiffParams = {},
  options: CallOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const { path, init } = diffRequest(id, params, options);
  return netlifyStream(config, path, init);
}
