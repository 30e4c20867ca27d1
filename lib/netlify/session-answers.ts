import type { CallOptions, NetlifyConfig } from "./config";
import { netlifyJson } from "./fetch";
import { type NetlifySession, netlifySessionSchema } from "./schemas";
import { upstreamRequest } from "./upstream-request";

/** Answers to a `question` interaction: one entry per question, a list for multi-select, null to skip one. */
export interface InteractionResponse {
  refId: string;
  response: Array<string | string[] | null>;
  skipped?: never;
  instruction?: never;
}

/** Skips the whole interaction; the only way to settle an `authorization` through the API. */
export interface InteractionSkip {
  refId: string;
  skipped: true;
  /** A note to the agent on how to carry on without the answer. */
  instruction?: string;
  response?: never;
}

export type InteractionAnswer = InteractionResponse | InteractionSkip;

function answerBody(answer: InteractionAnswer) {
  // `refId` is camelCase on the wire, unlike the rest of the API.
  if (answer.skipped) return { refId: answer.refId, skipped: true, instruction: answer.instruction };
  return { refId: answer.refId, response: answer.response };
}

// Settles a pending interaction; the session goes back to `running`.
export async function answerSession(
  config: NetlifyConfig,
  runnerId: string,
  sessionId: string,
  answer: InteractionAnswer,
  options: CallOptions = {},
): Promise<NetlifySession> {
  const { method, path } = upstreamRequest("answerSession", { runner_id: runnerId, session_id: sessionId });
  const init = { method, body: answerBody(answer), signal: options.signal };
  return netlifyJson(config, path, init, netlifySessionSchema);
}
