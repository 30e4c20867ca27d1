import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson, netlifyStream, netlifyText } from "./fetch";
import { diffUploadUrlsSchema } from "./schemas";
import { upstreamRequest } from "./upstream-request";

/** `result` is this session's own change; `cumulative` is everything up to and including it. */
export type SessionDiffKind = "result" | "cumulative";

const diffEndpoints = {
  result: "getSessionResultDiff",
  cumulative: "getSessionCumulativeDiff",
} as const;

const diffRequest = (runnerId: string, sessionId: string, kind: SessionDiffKind) =>
  upstreamRequest(diffEndpoints[kind], { runner_id: runnerId, session_id: sessionId });

export async function getSessionResultDiff(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  options: CallOptions = {},
): Promise<string> {
  const { method, path } = diffRequest(runnerId, sessionId, "result");
  return netlifyText(config, path, { method, signal: options.signal });
}

export async function getSessionCumulativeDiff(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  options: CallOptions = {},
): Promise<string> {
  const { method, path } = diffRequest(runnerId, sessionId, "cumulative");
  return netlifyText(config, path, { method, signal: options.signal });
}

export async function streamSessionDiff(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  kind: SessionDiffKind,
  options: CallOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const { method, path } = diffRequest(runnerId, sessionId, kind);
  return netlifyStream(config, path, { method, signal: options.signal });
}

// Worker-side upstream; exposed for completeness of the proxy surface.
export async function getSessionDiffUploadUrls(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  options: CallOptions = {},
) {
  const params = { runner_id: runnerId, session_id: sessionId };
  const { method, path } = upstreamRequest("createSessionDiffUploadUrls", params);
  return netlifyJson(config, path, { method, signal: options.signal }, diffUploadUrlsSchema);
}
