import type { ApiError } from "./api-error";
import { requestIdHeader } from "./request-id";

/** The one error body of every API response: the contract's `{"error", "code"}`. */
export interface ApiErrorBody {
  error: string;
  code: ApiError["code"];
  /** Netlify's `error_code`, when the error came from Netlify and it sent one. */
  error_code?: string;
}

/** The error answer: the JSON shape, the error's own headers (`Allow`, `Retry-After`) and the standard ones. */
export function errorResponse(error: ApiError, requestId: string): Response {
  const body: ApiErrorBody = { error: error.message, code: error.code };
  if (error.upstreamErrorCode) body.error_code = error.upstreamErrorCode;
  return withStandardHeaders(
    Response.json(body, { status: error.status, headers: error.headers }),
    requestId,
  );
}

/**
 * Every API response leaves with `Cache-Control: no-store` (answers are per caller: no CDN or
 * browser may keep them) and the request id. Copied into a new Response because some responses
 * (`Response.redirect`, `Response.error`) have immutable headers.
 */
export function withStandardHeaders(response: Response, requestId: string): Response {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-store");
  headers.set(requestIdHeader, requestId);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
