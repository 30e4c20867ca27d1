import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { NetlifyApiError } from "./errors";
import {
  type NetlifyConfig,
  netlifyFetch,
  netlifyJson,
  netlifyNoContent,
  netlifyStream,
  netlifyText,
} from "./fetch";
import { netlifyRunnerSchema } from "./schemas";
import { sendJson, startTestServer, type TestHandler, type TestServer } from "./testing/test-server";

const token = "nfp_s3cr3t-t0ken";
const servers: TestServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: TestHandler): Promise<TestServer> {
  const server = await startTestServer(handler);
  servers.push(server);
  return server;
}

function configFor(server: TestServer, overrides: Partial<NetlifyConfig> = {}): NetlifyConfig {
  return { baseUrl: server.baseUrl, token, timeoutMs: 2_000, retryBaseDelayMs: 5, ...overrides };
}

async function rejectionOf(promise: Promise<unknown>): Promise<NetlifyApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof NetlifyApiError) return error;
  throw new Error(`expected a NetlifyApiError, got ${String(error)}`);
}

describe("netlifyFetch request shape", () => {
  it("sends the bearer token, Accept and no body headers on a GET under the base path", async () => {
    const server = await serve((_request, response) => sendJson(response, 200, {}));
    await netlifyFetch(configFor(server), "/user");
    const [request] = server.requests;
    expect(request?.url).toBe("/api/v1/user");
    expect(request?.headers.authorization).toBe(`Bearer ${token}`);
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.headers["content-type"]).toBeUndefined();
  });

  it("sends a given body as JSON with Content-Type application/json", async () => {
    const server = await serve((_request, response) => sendJson(response, 200, {}));
    await netlifyFetch(configFor(server), "/agent_runners", { method: "POST", body: { prompt: "hi" } });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({ prompt: "hi" });
  });

  it("encodes query params, skipping undefined and repeating arrays", async () => {
    const server = await serve((_request, response) => sendJson(response, 200, {}));
    const query = { site_id: "s 1", page: 2, skip: undefined, file_keys: ["a", "b"], strip_binary: true };
    await netlifyFetch(configFor(server), "/agent_runners", { query });
    expect(server.requests[0]?.url).toBe(
      "/api/v1/agent_runners?site_id=s+1&page=2&file_keys=a&file_keys=b&strip_binary=true",
    );
  });
});

describe("netlifyFetch retries", () => {
  it("retries a GET after a 503 and resolves with the later success", async () => {
    let hits = 0;
    const server = await serve((_request, response) => {
      hits += 1;
      if (hits === 1) sendJson(response, 503, { error: "busy" });
      else sendJson(response, 200, { ok: true });
    });
    const response = await netlifyFetch(configFor(server), "/user");
    expect(await response.json()).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it("waits at least the Retry-After seconds before retrying a 429", async () => {
    let hits = 0;
    const server = await serve((_request, response) => {
      hits += 1;
      if (hits === 1) sendJson(response, 429, { error: "slow down" }, { "Retry-After": "1" });
      else sendJson(response, 200, {});
    });
    const started = performance.now();
    await netlifyFetch(configFor(server, { retryBaseDelayMs: 1 }), "/user");
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
  });

  it("gives up at once with retryAfterSeconds when Retry-After exceeds the longest allowed wait", async () => {
    const server = await serve((_request, response) => sendJson(response, 429, {}, { "Retry-After": "30" }));
    const error = await rejectionOf(netlifyFetch(configFor(server), "/user"));
    expect(error).toMatchObject({
      status: 429,
      retryAfterSeconds: 30,
      message: "Too many requests to Netlify",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("stops after maxRetries extra attempts and throws the last upstream status", async () => {
    const server = await serve((_request, response) => sendJson(response, 502, { error: "bad gateway" }));
    const error = await rejectionOf(netlifyFetch(configFor(server, { maxRetries: 2 }), "/user"));
    expect(error).toMatchObject({ status: 502, message: "bad gateway" });
    expect(server.requests).toHaveLength(3);
  });

  it("never retries a POST, even on a retryable status", async () => {
    const server = await serve((_request, response) => sendJson(response, 503, { error: "busy" }));
    const error = await rejectionOf(
      netlifyFetch(configFor(server), "/agent_runners", { method: "POST", body: {} }),
    );
    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry a 500, which is more likely a bug than a hiccup", async () => {
    const server = await serve((_request, response) => sendJson(response, 500, { error: "boom" }));
    await rejectionOf(netlifyFetch(configFor(server), "/user"));
    expect(server.requests).toHaveLength(1);
  });
});

describe("netlifyFetch transport failures", () => {
  it("retries a GET whose connection was reset, but never a POST", async () => {
    let resetsLeft = 0;
    const server = await serve((_request, response) => {
      if (resetsLeft > 0) {
        resetsLeft -= 1;
        response.socket?.destroy();
        return;
      }
      sendJson(response, 200, {});
    });
    resetsLeft = 1;
    await netlifyFetch(configFor(server), "/user");
    expect(server.requests).toHaveLength(2);
    resetsLeft = 1;
    const error = await rejectionOf(netlifyFetch(configFor(server), "/x", { method: "POST" }));
    expect(error).toMatchObject({ status: 502, errorCode: "network_error" });
    expect(error.message).toMatch(/^Could not reach the Netlify API \([A-Z_]+\)$/);
    expect(server.requests).toHaveLength(3);
  });

  it("does not follow a redirect: maps it to unexpected_redirect and the target gets no hit", async () => {
    let targetHits = 0;
    const server = await serve((request, response) => {
      if (request.url === "/elsewhere") {
        targetHits += 1;
        sendJson(response, 200, {});
        return;
      }
      response.writeHead(302, { Location: `${server.origin}/elsewhere` });
      response.end();
    });
    const error = await rejectionOf(netlifyFetch(configFor(server), "/user"));
    expect(error).toMatchObject({ status: 502, errorCode: "unexpected_redirect" });
    expect(targetHits).toBe(0);
  });

  it("maps a slow upstream to timeout/504 without retrying it", async () => {
    const server = await serve((_request, response) => {
      setTimeout(() => sendJson(response, 200, {}), 1_000);
    });
    const started = performance.now();
    const error = await rejectionOf(netlifyFetch(configFor(server, { timeoutMs: 100 }), "/user"));
    expect(error).toMatchObject({ status: 504, errorCode: "timeout" });
    expect(performance.now() - started).toBeLessThan(900);
    expect(server.requests).toHaveLength(1);
  });

  it("rethrows the caller's own abort reason instead of calling it a timeout", async () => {
    const server = await serve((_request, response) => {
      setTimeout(() => sendJson(response, 200, {}), 1_000);
    });
    const controller = new AbortController();
    const reason = new Error("client went away");
    setTimeout(() => controller.abort(reason), 50);
    await expect(netlifyFetch(configFor(server), "/user", { signal: controller.signal })).rejects.toBe(
      reason,
    );
  });

  it("maps a refused connection to network_error/502", async () => {
    const server = await startTestServer((_request, response) => sendJson(response, 200, {}));
    await server.close();
    const error = await rejectionOf(netlifyFetch(configFor(server, { maxRetries: 1 }), "/user"));
    expect(error).toMatchObject({ status: 502, errorCode: "network_error" });
  });
});

describe("netlifyFetch error bodies", () => {
  it("maps a 409 conflict body to message, errorCode and activeSessionId", async () => {
    const body = {
      error: "another session exists",
      error_code: "active_session_exists",
      active_session_id: "s1",
    };
    const server = await serve((_request, response) => sendJson(response, 409, body));
    const error = await rejectionOf(
      netlifyFetch(configFor(server), "/agent_runners/r1/sessions", { method: "POST" }),
    );
    expect(error).toBeInstanceOf(NetlifyApiError);
    expect(error).toMatchObject({
      status: 409,
      message: "another session exists",
      errorCode: "active_session_exists",
      activeSessionId: "s1",
    });
  });

  it("reads the message from a {message} body when there is no {error}", async () => {
    const server = await serve((_request, response) =>
      sendJson(response, 404, { code: 404, message: "Not Found" }),
    );
    const error = await rejectionOf(netlifyFetch(configFor(server), "/sites/x"));
    expect(error).toMatchObject({ status: 404, message: "Not Found", errorCode: undefined });
  });

  it("falls back to a generic message when the error body is not JSON", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(401, { "Content-Type": "text/html" });
      response.end("<html>nope</html>");
    });
    const error = await rejectionOf(netlifyFetch(configFor(server), "/user"));
    expect(error).toMatchObject({ status: 401, message: "Netlify rejected the access token" });
  });
});

describe("netlifyJson, netlifyText, netlifyStream, netlifyNoContent", () => {
  it("rejects a body that fails the schema as invalid_response/502", async () => {
    const server = await serve((_request, response) => sendJson(response, 200, { id: 1, state: "sleeping" }));
    const error = await rejectionOf(
      netlifyJson(configFor(server), "/agent_runners/r1", {}, netlifyRunnerSchema),
    );
    expect(error).toMatchObject({ status: 502, errorCode: "invalid_response" });
  });

  it("rejects a 200 body that is not JSON as invalid_response rather than a raw SyntaxError", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end("{not json");
    });
    const error = await rejectionOf(netlifyJson(configFor(server), "/user", {}, z.object({})));
    expect(error).toMatchObject({ status: 502, errorCode: "invalid_response" });
  });

  it("returns a text/plain diff as text and asks for text/plain", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.end("diff --git a/x b/x\n");
    });
    expect(await netlifyText(configFor(server), "/agent_runners/r1/diff")).toBe("diff --git a/x b/x\n");
    expect(server.requests[0]?.headers.accept).toBe("text/plain");
  });

  it("returns the diff body as a readable byte stream", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.end("+added\n");
    });
    const stream = await netlifyStream(configFor(server), "/agent_runners/r1/diff");
    expect(await new Response(stream).text()).toBe("+added\n");
  });

  it("resolves a 202 with an empty body to nothing", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(202);
      response.end();
    });
    await expect(
      netlifyNoContent(configFor(server), "/agent_runners/r1", { method: "DELETE" }),
    ).resolves.toBeUndefined();
    expect(server.requests[0]?.method).toBe("DELETE");
  });
});

describe("compressed answers", () => {
  it("asks for gzip or brotli and decodes either, error bodies included", async () => {
    const server = await serve((request, response) => {
      if (request.url.endsWith("/diff")) {
        response.writeHead(200, { "Content-Type": "text/plain", "Content-Encoding": "br" });
        response.end(brotliCompressSync("+added\n"));
        return;
      }
      response.writeHead(409, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
      response.end(gzipSync(JSON.stringify({ error: "A session is already running", error_code: "busy" })));
    });
    expect(await netlifyText(configFor(server), "/agent_runners/r1/diff")).toBe("+added\n");
    expect(server.requests[0]?.headers["accept-encoding"]).toBe("gzip, br");
    const error = await rejectionOf(netlifyJson(configFor(server), "/agent_runners/r1", {}, z.unknown()));
    expect(error).toMatchObject({ status: 409, errorCode: "busy", message: "A session is already running" });
  });

  it("maps a corrupt gzip body to a cut-off answer, not a crash", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "Content-Type": "text/plain", "Content-Encoding": "gzip" });
      response.end("this is not gzip");
    });
    const error = await rejectionOf(netlifyText(configFor(server), "/agent_runners/r1/diff"));
    expect(error).toMatchObject({ status: 502, errorCode: "network_error" });
  });
});
