import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson, netlifyStream, netlifyText } from "./fetch";
import { diffUploadUrlsSchema } from "./schemas";
import { sessionPath } from "./sessions";

/** `result` is this session's own change; `cumulative` is everything up to and including it. */
export type SessionDiffKind = "result" | "cumulative";

const diffPath = (runnerId: string, sessionId: string, kind: SessionDiffKind) =>
  `${sessionPath(runnerId, sessionId)}/diff/${kind}`;

export function getSessionResultDiff(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  options: CallOptions = {},
): Promise<string> {
  return netlifyText(config, diffPath(runnerId, sessionId, "result"), { signal: options.signal });
}

export function getSessionCumulativeDiff(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  options: CallOptions = {},
): Promise<string> {
  return netlifyText(config, diffPath(runnerId, sessionId, "cumulative"), { signal: options.signal });
}

export function streamSessionDiff(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  kind: SessionDiffKind,
  options: CallOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  return netlifyStream(config, diffPath(runnerId, sessionId, kind), { signal: options.signal });
}

// POST …/diff/upload_urls — worker-side upstream; exposed for completeness of the proxy surface.
export function getSessionDiffUploadUrls(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  options: CallOptions = {},
) {
  const init = { method: "POST", signal: options.signal } as const;
  return netlifyJson(
    config,
    `${sessionPath(runnerId, sessionId)}/diff/upload_urls`,
    init,
    diffUploadUrlsSchema,
  );
}
