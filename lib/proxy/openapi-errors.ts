import type { ApiErrorStatus } from "@/lib/http/error-codes";

/*
 * The error answers any proxy call can give (architecture.md "Proxy contract"), as OpenAPI
 * responses. Every one carries the same `Error` body; the status says what kind of failure it
 * is and the body's `code` says exactly which. The codes named in a description are checked
 * against `error-codes.ts` by the tests.
 */

interface ProxyErrorResponse {
  status: ApiErrorStatus;
  /** Its name under `components.responses`. */
  name: string;
  body: { description: string; headers?: Record<string, unknown>; content: unknown };
}

const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };

function error(
  status: ApiErrorStatus,
  name: string,
  description: string,
  headers?: Record<string, unknown>,
): ProxyErrorResponse {
  return {
    status,
    name,
    body: {
      description,
      ...(headers ? { headers } : {}),
      content: errorContent,
    },
  };
}

export const proxyErrorResponses: readonly ProxyErrorResponse[] = [
  error(
    400,
    "BadRequest",
    "`BAD_REQUEST`: the body is not JSON or misses a field, or a query parameter is wrong. `INVALID_ENDPOINT`: no endpoint at this path.",
  ),
  error(
    401,
    "Unauthorized",
    "`MISSING_KEY` or `INVALID_KEY`: no `Authorization: Bearer oc_…` key, or not a valid one.",
  ),
  error(
    403,
    "Forbidden",
    "`KEY_REVOKED`, `KEY_EXPIRED`, `INSUFFICIENT_SCOPE` (the key lacks the scope this call needs) or `SITE_MISMATCH` (the runner belongs to another site).",
  ),
  error(404, "NotFound", "`NOT_FOUND`: no such runner or session."),
  error(405, "MethodNotAllowed", "`METHOD_NOT_ALLOWED`: the path exists, but not with this method.", {
    Allow: { description: "The methods the path takes.", schema: { type: "string" } },
  }),
  error(413, "PayloadTooLarge", "`PAYLOAD_TOO_LARGE`: the request body is over the size limit."),
  error(
    422,
    "ValidationFailed",
    "`VALIDATION_FAILED`: the body is complete, but a value breaks a rule (too long, out of range).",
  ),
  error(429, "RateLimited", "`RATE_LIMITED`: too many requests from this key or address.", {
    "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } },
  }),
  error(500, "InternalError", "`INTERNAL_ERROR`: something failed inside the proxy."),
  error(
    502,
    "UpstreamError",
    "`UPSTREAM_ERROR`: Netlify failed or answered with something unusable; its body is never passed on.",
  ),
  error(504, "UpstreamTimeout", "`UPSTREAM_TIMEOUT`: Netlify did not answer in time."),
];
