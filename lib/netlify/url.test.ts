import { describe, expect, it } from "vitest";
import { buildUrl, toUnixSeconds } from "./url";

describe("buildUrl", () => {
  it("keeps the base path by concatenating instead of resolving", () => {
    expect(buildUrl("http://127.0.0.1:8787/api/v1/", "/sites")).toBe("http://127.0.0.1:8787/api/v1/sites");
  });

  it("appends the query string only when there are values", () => {
    expect(buildUrl("https://x.test/api/v1", "/sites", { name: undefined })).toBe(
      "https://x.test/api/v1/sites",
    );
    expect(buildUrl("https://x.test/api/v1", "/sites", { name: "a&b" })).toBe(
      "https://x.test/api/v1/sites?name=a%26b",
    );
  });

  it("refuses a path that would climb out of the base path", () => {
    expect(() => buildUrl("https://x.test/api/v1", "/agent_runners/../../oauth")).toThrow(
      /under the API base/,
    );
    expect(() => buildUrl("https://x.test/api/v1", "/%2e%2e/%2e%2e/admin")).toThrow(/under the API base/);
  });

  it("refuses a path without a leading slash or with its own query", () => {
    expect(() => buildUrl("https://x.test/api/v1", "sites")).toThrow();
    expect(() => buildUrl("https://x.test/api/v1", "/sites?x=1")).toThrow();
  });
});

describe("toUnixSeconds", () => {
  it("converts a Date to whole Unix seconds and passes numbers through", () => {
    expect(toUnixSeconds(new Date("2026-01-24T12:00:00.999Z"))).toBe(1_769_256_000);
    expect(toUnixSeconds(1_769_256_000)).toBe(1_769_256_000);
    expect(toUnixSeconds(undefined)).toBeUndefined();
  });
});
