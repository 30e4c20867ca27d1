import type { Logger } from "@/lib/log/logger";
import { describeNetlifyError } from "@/lib/netlify/error-sentences";
import { NetlifyApiError } from "@/lib/netlify/errors";
import { ApiError } from "./api-error";

/**
 * The one mapper from whatever a handler threw to the error the caller sees. Anything but an
 * ApiError becomes a generic answer: its message, stack and properties may hold SQL, internal
 * hosts or tokens (proxy-security.md item 16), so they go to the server log only, under the
 * request id the caller is given to quote.
 */
export function toApiError(thrown: unknown, requestId: string, log: Logger): ApiError {
  if (thrown instanceof ApiError) {
    if (thrown.status >= 500) log.error({ err: thrown.cause ?? thrown, code: thrown.code }, thrown.message);
    return thrown;
  }
  if (thrown instanceof NetlifyApiError) {
    // Upstream errors are rewrapped, never passed through: the person gets what to do next
    // (describeNetlifyError never quotes a body written for programs), the log gets the details.
    log.error({ err: thrown, upstreamStatus: thrown.status }, "Netlify API call failed");
    const sentence = `${describeNetlifyError(thrown)} (Request ${requestId}.)`;
    if (thrown.errorCode === "timeout") return new ApiError("UPSTREAM_TIMEOUT", sentence);
    if (thrown.status === 429)
      return new ApiError("RATE_LIMITED", sentence, { retryAfterSeconds: thrown.retryAfterSeconds ?? 30 });
    return new ApiError("UPSTREAM_ERROR", sentence);
  }
  log.error({ err: thrown }, "Unhandled error in a route handler");
  return new ApiError(
    "INTERNAL_ERROR",
    `Something went wrong on our side. Quote request ${requestId} when you report it.`,
  );
}
