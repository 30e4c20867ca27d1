import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { captureLogs } from "@/lib/log/testing/capture-logger";
import { otherMethods } from "./other-methods";

const capture = vi.hoisted(() => ({ current: undefined as ReturnType<typeof captureLogs> | undefined }));
vi.mock("@/lib/log/app-logger", () => ({ logger: () => capture.current?.logger }));
beforeEach(() => {
  capture.current = captureLogs();
});

describe("otherMethods", () => {
  it("defines every method the route does not, leaving HEAD to Next.js when GET is defined", () => {
    expect(Object.keys(otherMethods("GET")).sort()).toEqual(["DELETE", "OPTIONS", "PATCH", "POST", "PUT"]);
    expect(Object.keys(otherMethods("POST")).sort()).toEqual([
      "DELETE",
      "GET",
      "HEAD",
      "OPTIONS",
      "PATCH",
      "PUT",
    ]);
    expect(Object.keys(otherMethods("GET", "POST", "OPTIONS")).sort()).toEqual(["DELETE", "PATCH", "PUT"]);
  });

  it("answers the others with a JSON 405 that lists the allowed methods", async () => {
    const { POST } = otherMethods("GET");
    const response = await POST(new NextRequest("http://app.test/api/health", { method: "POST" }), {});
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      error: "POST is not allowed here; use GET, HEAD, OPTIONS.",
      code: "METHOD_NOT_ALLOWED",
    });
  });

  it("answers OPTIONS with 204 and Allow, and no CORS headers", async () => {
    const { OPTIONS } = otherMethods("POST");
    const response = await OPTIONS(new NextRequest("http://app.test/api/keys", { method: "OPTIONS" }), {});
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    expect([...response.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
  });
});
