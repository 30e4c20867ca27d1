/**
 * The closed set of error codes an API response can carry, each with its HTTP status. This is
 * the one list: the `ApiErrorCode` type, the status of every error response and the tests'
 * code → status table all derive from it. Codes are part of the public contract: scripts branch
 * on them, so a code is never renamed or moved to another status.
 */
export const apiErrorStatuses = {
  // The proxy contract: the statuses of architecture.md "Proxy contract" and of the public API
  // document's "Error Responses" (400, 401, 403, 404, 405, 413, 422, 429, 500, 502, 504).
  // `KEY_REVOKED` and `SITE_MISMATCH` are named by proxy-security.md (items 6 and 13).
  /** A malformed request: missing fields, a body that is not JSON, a bad query parameter. */
  BAD_REQUEST: 400,
  /** A path that cannot name an endpoint at all (encoded slashes, traversal, odd characters). */
  INVALID_ENDPOINT: 400,
  MISSING_KEY: 401,
  /** Malformed, bad checksum or unknown: one code, so a caller learns nothing about which. */
  INVALID_KEY: 401,
  KEY_REVOKED: 403,
  KEY_EXPIRED: 403,
  INSUFFICIENT_SCOPE: 403,
  SITE_MISMATCH: 403,
  NOT_FOUND: 404,
  /** Always sent with `Allow` (RFC 9110 §15.5.6). */
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  VALIDATION_FAILED: 422,
  /** Always sent with `Retry-After` (proxy-security.md item 14). */
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  /** The Netlify API failed or answered with something unusable; its body is never passed on. */
  UPSTREAM_ERROR: 502,
  UPSTREAM_TIMEOUT: 504,

  // The app's own API behind a signed-in session (architecture.md "Identity model": roles
  // admin, member, viewer; state-changing requests from the browser carry a CSRF check).
  SESSION_REQUIRED: 401,
  /** A bearer secret other than an API key (e.g. `CRON_SECRET` on the cron route) is missing or wrong. */
  UNAUTHORIZED: 401,
  /** Signed in, but the role does not allow this. */
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  /** The request is valid but clashes with the current state (e.g. Netlify's `active_session_exists`). */
  CONFLICT: 409,
  /** A dependency of this app itself (the database) is down; the health check answers with it. */
  SERVICE_UNAVAILABLE: 503,
  /**
   * The client hung up before its answer was ready (nginx's 499). Nobody receives it; it is what
   * the request log and the audit trail record, instead of a 500 that would read as our failure.
   */
  CLIENT_CLOSED_REQUEST: 499,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof apiErrorStatuses;
export type ApiErrorStatus = (typeof apiErrorStatuses)[ApiErrorCode];

export const apiErrorCodes = Object.keys(apiErrorStatuses) as ApiErrorCode[];

export function statusOf(code: ApiErrorCode): ApiErrorStatus {
  return apiErrorStatuses[code];
}
