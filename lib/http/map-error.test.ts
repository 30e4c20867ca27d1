import { describe, expect, it } from "vitest";
import { captureLogs } from "@/lib/log/testing/capture-logger";
import { NetlifyApiError } from "@/lib/netlify/errors";
import { ApiError } from "./api-error";
import { toApiError } from "./map-error";

describe("toApiError", () => {
  it("passes an ApiError through and logs a 5xx one with its cause", () => {
    const logs = captureLogs();
    const notFound = new ApiError("NOT_FOUND", "No such runner.");
    expect(toApiError(notFound, "r-1", logs.logger)).toBe(notFound);
    expect(logs.lines()).toEqual([]);
    const down = new ApiError("SERVICE_UNAVAILABLE", "Down.", {
      cause: new Error("ECONNREFUSED 10.0.0.5:5432"),
    });
    expect(toApiError(down, "r-1", logs.logger)).toBe(down);
    expect(logs.lines()[0]).toMatchObject({
      level: "error",
      code: "SERVICE_UNAVAILABLE",
      err: { message: "ECONNREFUSED 10.0.0.5:5432" },
    });
  });

  it("turns anything else into a generic 500 naming the request id, and logs the original", () => {
    const logs = captureLogs();
    const thrown = new Error('relation "api_keys" does not exist at postgres://db.internal:5432');
    const error = toApiError(thrown, "r-2", logs.logger.child({ requestId: "r-2" }));
    expect(error).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
    expect(error.message).toBe("Something went wrong on our side. Quote request r-2 when you report it.");
    expect(error.message).not.toContain("api_keys");
    expect(error.stack).not.toContain("api_keys");
    expect(error.cause).toBeUndefined();
    expect(logs.lines()).toEqual([
      expect.objectContaining({
        level: "error",
        requestId: "r-2",
        err: expect.objectContaining({
          message: thrown.message,
          stack: expect.stringContaining("map-error.test.ts"),
        }),
      }),
    ]);
    for (const odd of ["a string", 42, null, undefined, { message: "an object" }]) {
      expect(toApiError(odd, "r-3", logs.logger)).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
    }
  });

  it("rewraps Netlify API errors as 502, 504 for a timeout or 429 with Retry-After, in a sentence without their text", () => {
    const logs = captureLogs();
    const upstream = new NetlifyApiError({
      status: 500,
      message: "stack trace from https://internal.netlify",
    });
    expect(toApiError(upstream, "r-4", logs.logger)).toMatchObject({
      status: 502,
      code: "UPSTREAM_ERROR",
      message: "Netlify is having trouble right now (status 500). Try again in a few minutes. (Request r-4.)",
    });
    expect(toApiError(upstream, "r-4", logs.logger).message).not.toContain("internal.netlify");
    const timeout = new NetlifyApiError({
      status: 504,
      errorCode: "timeout",
      message: "no answer within 15000 ms",
    });
    expect(toApiError(timeout, "r-5", logs.logger)).toMatchObject({ status: 504, code: "UPSTREAM_TIMEOUT" });
    const limited = new NetlifyApiError({
      status: 429,
      message: "slow down",
      errorCode: "ai_credit_limit_exceeded",
    });
    const mapped = toApiError(limited, "r-6", logs.logger);
    expect(mapped).toMatchObject({ status: 429, code: "RATE_LIMITED", headers: { "Retry-After": "30" } });
    expect(mapped.message).toMatch(/out of AI credits/);
    expect(logs.lines().map((line) => line.upstreamStatus)).toEqual([500, 500, 504, 429]);
  });
});
