import "server-only";
import type { HttpMethod, NetlifyConfig, NetlifyRequestInit } from "./config";
import { deadlineSignal } from "./deadline-signal";
import { NetlifyApiError, redactToken } from "./errors";

/** One attempt, no retries: resolves with whatever status came back, throws on transport failure. */
export async function send(
  config: NetlifyConfig,
  url: string,
  method: HttpMethod,
  init: NetlifyRequestInit,
): Promise<Response> {
  // The timeout stays attached to the response, so it also bounds reading the body.
  const signal = deadlineSignal(config.timeoutMs, init.signal);
  const headers: Record<string, string> = {
    ...init.headers,
    Authorization: `Bearer ${config.token}`,
    Accept: init.accept ?? "application/json",
    "User-Agent": "switchyard",
  };
  let body: string | undefined;
  if (init.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  try {
    return await (config.fetch ?? fetch)(url, { method, headers, body, redirect: "manual", signal });
  } catch (error) {
    throw transportError(error, config, init.signal);
  }
}

/**
 * Maps a failed fetch or body read: the caller's own abort reason when the caller aborted,
 * else `timeout` or `network_error`. The raw error is never attached as `cause`: undici's
 * invalid-header errors quote the header value, i.e. the token.
 */
export function transportError(error: unknown, config: NetlifyConfig, callerSignal?: AbortSignal): unknown {
  if (error instanceof NetlifyApiError) return error;
  if (callerSignal?.aborted) return callerSignal.reason;
  if (error instanceof Error && error.name === "TimeoutError") {
    return new NetlifyApiError({
      status: 504,
      errorCode: "timeout",
      message: `Netlify API did not answer within ${config.timeoutMs} ms`,
    });
  }
  const code = systemErrorCode(error);
  return new NetlifyApiError({
    status: 502,
    errorCode: "network_error",
    message: redactToken(`Could not reach the Netlify API${code ? ` (${code})` : ""}`, config.token),
  });
}

/** Only a bare errno-style code (ECONNREFUSED) is kept; free text could quote anything. */
function systemErrorCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = cause instanceof Error && "code" in cause ? cause.code : undefined;
  return typeof code === "string" && /^[A-Z_]+$/.test(code) ? code : undefined;
}
