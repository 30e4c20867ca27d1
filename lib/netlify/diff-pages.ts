import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyStream, netlifyTextAnswer } from "./fetch";
import { parseTotalHeader } from "./pagination";
import { upstreamRequest } from "./upstream-request";

/**
 * Which diff: the run's own (the latest session's cumulative diff), or one session's own change
 * (`result`) or everything up to it (`cumulative`).
 */
export type DiffSource = { kind: "runner" } | { kind: "result" | "cumulative"; sessionId: string };

/** Some files of a diff, and how many files the whole diff has (when Netlify says). */
export interface DiffPage {
  text: string;
  totalFiles: number | null;
}

function diffRequest(runnerId: string, source: DiffSource) {
  if (source.kind === "runner") return upstreamRequest("getRunnerDiff", { runner_id: runnerId });
  const endpoint = source.kind === "result" ? "getSessionResultDiff" : "getSessionCumulativeDiff";
  return upstreamRequest(endpoint, { runner_id: runnerId, session_id: source.sessionId });
}

/** One page of a diff; pages count files, not lines. 404 when there is no diff. */
export async function getDiffPage(
  config: NetlifyConfig,
  runnerId: string,
  source: DiffSource,
  params: { page: number; perPage: number },
  options: CallOptions = {},
): Promise<DiffPage> {
  const { method, path } = diffRequest(runnerId, source);
  const query = { page: params.page, per_page: params.perPage };
  const answer = await netlifyTextAnswer(config, path, { method, query, signal: options.signal });
  return { text: answer.text, totalFiles: parseTotalHeader(answer.headers.get("total")) };
}

/** The whole diff as a stream, for downloading it without holding it in memory. */
export async function streamDiff(
  config: NetlifyConfig,
  runnerId: string,
  source: DiffSource,
  options: CallOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const { method, path } = diffRequest(runnerId, source);
  return netlifyStream(config, path, { method, signal: options.signal });
}
