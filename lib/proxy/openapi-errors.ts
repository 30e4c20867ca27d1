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
    "`KEY_REVOKED`, `KEY_EXPIRED`, `INSUFFICIENT_SCOPE` (the key lacks the scope this call needs) or `SITE_MISMATCH` (the runner belongs to another site). `FORBIDDEN`: Netlify refused (the team's plan or AI credits; its `error_code`, e.g. `ai_credit_limit_disabled`, is passed on).",
  ),
  error(404, "NotFound", "`NOT_FOUND`: no such runner or session."),
  error(405, "MethodNotAllowed", "`METHOD_NOT_ALLOWED`: the path exists, but not with this method.", {
    Allow: { description: "The methods the path takes.", schema: { type: "string" } },
  }),
  error(
    409,
    "Conflict",
    "`CONFLICT`: Netlify refused because of the run's state; its `error_code` is passed on (`active_session_exists`: a session is still running; `follow_up_unavailable`: the run was published).",
  ),
  error(413, "PayloadTooLarge", "`PAYLOAD_TOO_LARGE`: the request body is over the size limit."),
  error(
    422,
    "ValidationFailed",
    "`VALIDATION_FAILED`: the body is complete, but a value breaks a rule (too long, out of range).",
  ),
  error(
    429,
    "RateLimited",
    "`RATE_LIMITED`: too many requests from this key or address, or Netlify's own limit (its `error_code`, e.g. `ai_credit_limit_exceeded`, is passed on). Every answer, not only a 429, carries `RateLimit-Policy` and `RateLimit`.",
    {
      "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } },
      "RateLimit-Policy": {
        description: 'The key\'s budget (IETF draft), e.g. `"default";q=600;w=60`.',
        schema: { type: "string" },
      },
      RateLimit: {
        description: 'What is left of it, e.g. `"default";r=0;t=17` (remaining calls, seconds to reset).',
        schema: { type: "string" },
      },
    },
  ),
  error(500, "InternalError", "`INTERNAL_ERROR`: something failed inside the proxy."),
  error(
    502,
    "UpstreamError",
    "`UPSTREAM_ERROR`: Netlify failed or answered with something unusable; its body is never passed on.",
  ),
  error(504, "UpstreamTimeout", "`UPSTREAM_TIMEOUT`: Netlify did not answer in time."),
];
