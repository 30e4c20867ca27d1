import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { captureLogs } from "@/lib/log/testing/capture-logger";
import { ApiError } from "./api-error";
import { withRoute } from "./with-route";

const capture = vi.hoisted(() => ({ current: undefined as ReturnType<typeof captureLogs> | undefined }));
vi.mock("@/lib/log/app-logger", () => ({ logger: () => capture.current?.logger }));

let logs: ReturnType<typeof captureLogs>;
beforeEach(() => {
  logs = captureLogs();
  capture.current = logs;
});

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const request = (path: string, init?: ConstructorParameters<typeof NextRequest>[1]) =>
  new NextRequest(`http://app.test${path}`, init);

describe("withRoute", () => {
  it("calls the handler with the request, the route context and a request id bound to the log", async () => {
    const context = { params: Promise.resolve({ id: "r1" }) };
    const handler = vi.fn(async (_request: NextRequest, _context: typeof context, { requestId, log }) => {
      log.info("inside");
      return Response.json({ requestId });
    });
    const incoming = request("/api/runners/r1");
    const response = await withRoute(handler)(incoming, context);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(uuid);
    expect(await response.json()).toEqual({ requestId });
    expect(handler).toHaveBeenCalledWith(incoming, context, expect.objectContaining({ requestId }));
    expect(logs.lines()[0]).toMatchObject({ msg: "inside", requestId });
  });

  it("generates a fresh id for every request and never takes the client's", async () => {
    const route = withRoute(() => new Response("ok"));
    const ids = await Promise.all(
      [1, 2, 3].map(async () => {
        const response = await route(
          request("/api/x", { headers: { "x-request-id": "chosen-by-client" } }),
          {},
        );
        return response.headers.get("x-request-id");
      }),
    );
    expect(new Set(ids).size).toBe(3);
    expect(ids).not.toContain("chosen-by-client");
  });

  it("sends no-store on every answer, overriding the handler's caching", async () => {
    const cached = withRoute(() =>
      Response.json({}, { headers: { "Cache-Control": "max-age=600", "X-Kept": "1" } }),
    );
    const response = await cached(request("/api/x"), {});
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-kept")).toBe("1");
    const redirect = await withRoute(() => Response.redirect("http://app.test/", 307))(request("/api/x"), {});
    expect(redirect.headers.get("cache-control")).toBe("no-store");
    expect(redirect.headers.get("location")).toBe("http://app.test/");
  });

  it("answers a thrown ApiError with the JSON shape, its status and its headers", async () => {
    const route = withRoute(() => {
      throw new ApiError("METHOD_NOT_ALLOWED", "Use GET or POST.", { allow: ["GET", "POST"] });
    });
    const response = await route(request("/api/x", { method: "PUT" }), {});
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-request-id")).toMatch(uuid);
    expect(await response.json()).toEqual({ error: "Use GET or POST.", code: "METHOD_NOT_ALLOWED" });
  });

  it("answers an unknown error with a generic 500 naming the request id, and logs the original", async () => {
    const route = withRoute(async () => {
      throw new Error("duplicate key value violates unique constraint on api_keys.key_hash");
    });
    const response = await route(request("/api/x", { method: "POST" }), {});
    const requestId = response.headers.get("x-request-id") ?? "";
    const body = await response.json();
    expect(response.status).toBe(500);
    expect(body).toEqual({
      error: `Something went wrong on our side. Quote request ${requestId} when you report it.`,
      code: "INTERNAL_ERROR",
    });
    expect(JSON.stringify(body)).not.toMatch(/api_keys|constraint|at .*\.ts/);
    const [original, line] = logs.lines();
    expect(original).toMatchObject({
      requestId,
      err: { message: expect.stringContaining("api_keys.key_hash") },
    });
    expect(line).toMatchObject({ requestId, status: 500, code: "INTERNAL_ERROR", level: "error" });
  });

  it("treats a handler that returns no Response as an internal error", async () => {
    const route = withRoute((() => undefined) as unknown as () => Response);
    expect((await route(request("/api/x"), {})).status).toBe(500);
  });

  it("logs one line per request: method, path without the query's values, status, duration, request id", async () => {
    const route = withRoute(() => new Response(null, { status: 204 }));
    const response = await route(request("/api/keys?api_key=oc_not_in_logs&site_id=s1&site_id=s2"), {});
    const lines = logs.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual(
      expect.objectContaining({
        level: "info",
        msg: "request",
        requestId: response.headers.get("x-request-id"),
        method: "GET",
        path: "/api/keys",
        queryKeys: ["api_key", "site_id"],
        status: 204,
        durationMs: expect.any(Number),
      }),
    );
    expect(logs.text()).not.toContain("oc_not_in_logs");
    expect(logs.text()).not.toContain("site_id=");
  });

  it("runs the authorize step first: a refusal is mapped, a grant reaches the handler", async () => {
    const handler = vi.fn((_request: NextRequest, _context: unknown, scope: { user: string }) =>
      Response.json({ user: scope.user }),
    );
    const route = withRoute(handler, {
      authorize: (incoming) => {
        if (!incoming.headers.has("cookie")) throw new ApiError("SESSION_REQUIRED", "Sign in first.");
        return { user: "ada" };
      },
    });
    const refused = await route(request("/api/board"), {});
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: "Sign in first.", code: "SESSION_REQUIRED" });
    expect(handler).not.toHaveBeenCalled();
    const allowed = await route(request("/api/board", { headers: { cookie: "s=1" } }), {});
    expect(await allowed.json()).toEqual({ user: "ada" });
  });

  it("lets the authorize step replace the request's logger, e.g. to bind a key id", async () => {
    const route = withRoute(() => new Response("ok"), {
      authorize: (_incoming, { log }) => ({ log: log.child({ keyId: "key_1" }) }),
    });
    await route(request("/api/proxy/x"), {});
    expect(logs.lines()[0]).toMatchObject({ msg: "request", keyId: "key_1" });
  });
});
