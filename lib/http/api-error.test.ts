import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { errorResponse } from "./response";

describe("ApiError", () => {
  it("carries its code, the code's status and the caller-facing message", () => {
    const cause = new Error("connection refused");
    const error = new ApiError("SITE_MISMATCH", "This key belongs to another site.", { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "ApiError", code: "SITE_MISMATCH", status: 403, headers: {} });
    expect(error.message).toBe("This key belongs to another site.");
    expect(error.cause).toBe(cause);
  });

  it("sends Allow with METHOD_NOT_ALLOWED and Retry-After with RATE_LIMITED", () => {
    expect(new ApiError("METHOD_NOT_ALLOWED", "m", { allow: ["GET", "POST"] }).headers).toEqual({
      Allow: "GET, POST",
    });
    expect(new ApiError("RATE_LIMITED", "m", { retryAfterSeconds: 2.2 }).headers).toEqual({
      "Retry-After": "3",
    });
    expect(new ApiError("RATE_LIMITED", "m", { retryAfterSeconds: 0 }).headers).toEqual({
      "Retry-After": "1",
    });
  });

  it("does not type-check without the header its code requires (the type checker runs this test)", () => {
    // @ts-expect-error METHOD_NOT_ALLOWED needs `allow`
    const noAllow = () => new ApiError("METHOD_NOT_ALLOWED", "m");
    // @ts-expect-error RATE_LIMITED needs `retryAfterSeconds`
    const noRetryAfter = () => new ApiError("RATE_LIMITED", "m", {});
    expect([noAllow, noRetryAfter]).toHaveLength(2);
    // A computed code works as long as none of its possibilities needs a header.
    const upstream: "UPSTREAM_ERROR" | "UPSTREAM_TIMEOUT" = "UPSTREAM_TIMEOUT";
    expect(new ApiError(upstream, "m").status).toBe(504);
  });
});

describe("errorResponse", () => {
  it("is the contract's JSON with no-store, the request id and the error's own headers", async () => {
    const response = errorResponse(
      new ApiError("METHOD_NOT_ALLOWED", "Use GET.", { allow: ["GET"], cause: new Error("hidden") }),
      "req-1",
    );
    expect(response.status).toBe(405);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toBe("req-1");
    expect(response.headers.get("allow")).toBe("GET");
    expect(await response.text()).toBe('{"error":"Use GET.","code":"METHOD_NOT_ALLOWED"}');
  });
});
