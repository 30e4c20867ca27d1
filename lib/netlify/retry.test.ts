import { describe, expect, it } from "vitest";
import { parseRetryAfterSeconds, retryDelayMs } from "./retry";

const policy = { retryBaseDelayMs: 250, maxRetryDelayMs: 10_000 };

describe("parseRetryAfterSeconds", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfterSeconds("3")).toBe(3);
  });

  it("reads an HTTP date as seconds from now, never negative", () => {
    const now = Date.parse("Wed, 21 Oct 2026 07:28:00 GMT");
    expect(parseRetryAfterSeconds("Wed, 21 Oct 2026 07:28:05 GMT", now)).toBe(5);
    expect(parseRetryAfterSeconds("Wed, 21 Oct 2026 07:27:00 GMT", now)).toBe(0);
  });

  it("ignores a missing or unreadable header", () => {
    expect(parseRetryAfterSeconds(null)).toBeUndefined();
    expect(parseRetryAfterSeconds("soon")).toBeUndefined();
    expect(parseRetryAfterSeconds("-5")).toBeUndefined();
  });
});

describe("retryDelayMs", () => {
  it("backs off exponentially with jitter between half and all of the step", () => {
    expect(retryDelayMs(0, undefined, policy, () => 0)).toBe(125);
    expect(retryDelayMs(0, undefined, policy, () => 1)).toBe(250);
    expect(retryDelayMs(2, undefined, policy, () => 1)).toBe(1_000);
  });

  it("never waits longer than the cap", () => {
    expect(retryDelayMs(20, undefined, policy, () => 1)).toBe(10_000);
  });

  it("uses Retry-After exactly, and gives up when it exceeds the cap", () => {
    expect(retryDelayMs(0, 2, policy)).toBe(2_000);
    expect(retryDelayMs(0, 11, policy)).toBeNull();
  });
});
