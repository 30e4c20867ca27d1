import { netlifyErrorBodySchema } from "./schemas";

/** Codes we assign ourselves when there is no usable upstream answer. */
export type NetlifyClientErrorCode =
  | "timeout"
  | "network_error"
  | "unexpected_redirect"
  | "invalid_response"
  | "invalid_path"
  /** The file store behind a presigned upload URL refused the file. */
  | "upload_refused";

/** The `error_code`s upstream documents (§4 and §7.6 of the research notes). */
export type NetlifyUpstreamErrorCode =
  | "active_session_exists"
  | "follow_up_unavailable"
  | "ai_credit_limit_disabled"
  | "ai_credit_limit_exceeded"
  | "ai_credit_limit_reached";

/** Known codes typed; a code upstream adds later passes through unchanged. */
export type NetlifyErrorCode = NetlifyUpstreamErrorCode | NetlifyClientErrorCode | (string & {});

export interface NetlifyApiErrorInit {
  status: number;
  message: string;
  errorCode?: NetlifyErrorCode;
  activeSessionId?: string;
  retryAfterSeconds?: number;
}

/**
 * The one error every Netlify call throws. Security invariant: nothing in it (message,
 * properties, stack) may carry the bearer token, so it is safe to log or rewrap.
 */
export class NetlifyApiError extends Error {
  readonly status: number;
  readonly errorCode: NetlifyErrorCode | undefined;
  readonly activeSessionId?: string;
  readonly retryAfterSeconds?: number;

  constructor(init: NetlifyApiErrorInit) {
    super(init.message);
    this.name = "NetlifyApiError";
    this.status = init.status;
    this.errorCode = init.errorCode;
    if (init.activeSessionId !== undefined) this.activeSessionId = init.activeSessionId;
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

const genericMessages: Record<number, string> = {
  400: "Netlify rejected the request as invalid",
  401: "Netlify rejected the access token",
  403: "Netlify refused access to this resource",
  404: "Not found on Netlify",
  405: "Netlify does not allow this method here",
  409: "The request conflicts with the current state on Netlify",
  413: "The request is too large for Netlify",
  422: "Netlify could not process the request",
  429: "Too many requests to Netlify",
};

export function genericMessage(status: number): string {
  return genericMessages[status] ?? `Netlify API answered with status ${status}`;
}

// Upstream messages end up in logs and API responses; an HTML error page must not.
const maxMessageLength = 500;
const maxErrorBodyBytes = 64 * 1024;

/** Replaces the token wherever it appears: an upstream may echo what it was sent. */
export function redactToken(text: string, token: string): string {
  return token.length > 0 ? text.replaceAll(token, "[redacted]") : text;
}

/** Builds the error for a non-2xx answer; never throws, whatever the body holds. */
export async function errorFromResponse(
  response: Response,
  token: string,
  retryAfterSeconds: number | undefined,
): Promise<NetlifyApiError> {
  const body = parseErrorBody(await readLimitedText(response, maxErrorBodyBytes));
  const upstreamMessage = body?.error ?? body?.message;
  const message = upstreamMessage?.trim()
    ? redactToken(upstreamMessage.trim(), token).slice(0, maxMessageLength)
    : genericMessage(response.status);
  return new NetlifyApiError({
    status: response.status,
    message,
    errorCode: body?.error_code,
    activeSessionId: body?.active_session_id,
    retryAfterSeconds,
  });
}

function parseErrorBody(text: string | undefined) {
  if (!text) return undefined;
  try {
    const parsed = netlifyErrorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Reads at most `limit` bytes; a failed or aborted read yields undefined instead of throwing. */
async function readLimitedText(response: Response, limit: number): Promise<string | undefined> {
  if (!response.body) return undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
    if (size >= limit) await reader.cancel();
  } catch {
    return undefined;
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, limit));
}
