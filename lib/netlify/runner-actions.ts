import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson, netlifyStream, netlifyText } from "./fetch";
import { runnerPath } from "./runners";
import {
  type NetlifyRunner,
  type NetlifySession,
  netlifyRunnerSchema,
  netlifySessionSchema,
} from "./schemas";

export interface RunnerDiffParams {
  /** Pages count files, not lines; leave `page` out for the whole diff. */
  page?: number;
  perPage?: number;
  stripBinary?: boolean;
}

// POST /agent_runners/{id}/revert — discards every session after `sessionId`.
export function revertRunner(
  config: NetlifyConfig,
  id: string,
  sessionId: string,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const init = { method: "POST", body: { session_id: sessionId }, signal: options.signal } as const;
  return netlifyJson(config, `${runnerPath(id)}/revert`, init, netlifyRunnerSchema);
}

// POST /agent_runners/{id}/rebase — answers with the new rebase session, not the runner.
export function rebaseRunner(
  config: NetlifyConfig,
  id: string,
  options: CallOptions = {},
): Promise<NetlifySession> {
  const init = { method: "POST", signal: options.signal } as const;
  return netlifyJson(config, `${runnerPath(id)}/rebase`, init, netlifySessionSchema);
}

// POST /agent_runners/{id}/pull_request — asynchronous: `pr_is_being_created` is true at first.
export function createPullRequest(
  config: NetlifyConfig,
  id: string,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const init = { method: "POST", signal: options.signal } as const;
  return netlifyJson(config, `${runnerPath(id)}/pull_request`, init, netlifyRunnerSchema);
}

// POST /agent_runners/{id}/commit — not idempotent, and upstream refuses the production branch.
export function commitRunner(
  config: NetlifyConfig,
  id: string,
  targetBranch: string,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const init = { method: "POST", body: { target_branch: targetBranch }, signal: options.signal } as const;
  return netlifyJson(config, `${runnerPath(id)}/commit`, init, netlifyRunnerSchema);
}

// POST /agent_runners/{id}/publish_to_production — enqueues the publish; 400 while one is under way.
export function publishRunnerToProduction(
  config: NetlifyConfig,
  id: string,
  options: CallOptions = {},
): Promise<NetlifyRunner> {
  const init = { method: "POST", signal: options.signal } as const;
  return netlifyJson(config, `${runnerPath(id)}/publish_to_production`, init, netlifyRunnerSchema);
}

function diffQuery(params: RunnerDiffParams) {
  return { page: params.page, per_page: params.perPage, strip_binary: params.stripBinary };
}

// GET /agent_runners/{id}/diff — text/plain unified diff; 404 when there is none.
export function getRunnerDiff(
  config: NetlifyConfig,
  id: string,
  params: RunnerDiffParams = {},
  options: CallOptions = {},
): Promise<string> {
  return netlifyText(config, `${runnerPath(id)}/diff`, { query: diffQuery(params), signal: options.signal });
}

export function streamRunnerDiff(
  config: NetlifyConfig,
  id: string,
  params: RunnerDiffParams = {},
  options: CallOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  return netlifyStream(config, `${runnerPath(id)}/diff`, {
    query: diffQuery(params),
    signal: options.signal,
  });
}
