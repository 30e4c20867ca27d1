import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { apiErrorCodes, apiErrorStatuses } from "./error-codes";
import { errorResponse } from "./response";

describe("the error code list", () => {
  it("maps every code to its documented status", () => {
    expect(apiErrorStatuses).toEqual({
      BAD_REQUEST: 400,
      INVALID_ENDPOINT: 400,
      MISSING_KEY: 401,
      INVALID_KEY: 401,
      KEY_REVOKED: 403,
      KEY_EXPIRED: 403,
      INSUFFICIENT_SCOPE: 403,
      SITE_MISMATCH: 403,
      NOT_FOUND: 404,
      METHOD_NOT_ALLOWED: 405,
      PAYLOAD_TOO_LARGE: 413,
      VALIDATION_FAILED: 422,
      RATE_LIMITED: 429,
      INTERNAL_ERROR: 500,
      UPSTREAM_ERROR: 502,
      UPSTREAM_TIMEOUT: 504,
      SESSION_REQUIRED: 401,
      UNAUTHORIZED: 401,
      FORBIDDEN: 403,
      CSRF_FAILED: 403,
      CONFLICT: 409,
      SERVICE_UNAVAILABLE: 503,
      CLIENT_CLOSED_REQUEST: 499,
    });
  });

  it("covers every status of the proxy contract", () => {
    const statuses = new Set(Object.values(apiErrorStatuses));
    for (const status of [400, 401, 403, 404, 405, 413, 422, 429, 500, 502, 504]) {
      expect(statuses.has(status as never), String(status)).toBe(true);
    }
  });

  it("answers each code with its status and the contract's body", async () => {
    for (const code of apiErrorCodes) {
      const error =
        code === "METHOD_NOT_ALLOWED"
          ? new ApiError(code, "m", { allow: ["GET"] })
          : code === "RATE_LIMITED"
            ? new ApiError(code, "m", { retryAfterSeconds: 1 })
            : new ApiError(code, "m");
      const response = errorResponse(error, "r");
      expect(response.status, code).toBe(apiErrorStatuses[code]);
      expect(await response.json()).toEqual({ error: "m", code });
    }
  });
});
