import { afterEach, describe, expect, it } from "vitest";
import { NetlifyApiError } from "./errors";
import { type NetlifyConfig, netlifyFetch, netlifyJson } from "./fetch";
import { netlifyUserSchema } from "./schemas";
import { sendJson, startTestServer, type TestServer } from "./testing/test-server";

const token = "nfp_Sup3rS3cretToken";
const servers: TestServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function everyRendering(error: unknown): string[] {
  const record = error instanceof Error ? error : new Error(String(error));
  return [
    String(error),
    record.message,
    record.stack ?? "",
    JSON.stringify(error),
    JSON.stringify({ ...record }),
  ];
}

async function failureOf(config: NetlifyConfig, path: string): Promise<unknown> {
  return netlifyJson(config, path, {}, netlifyUserSchema).then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
}

describe("the bearer token never leaks into errors", () => {
  it.each([
    ["an upstream error body echoing the token", "/echo"],
    ["a 409 conflict", "/conflict"],
    ["a redirect", "/redirect"],
    ["a timeout", "/slow"],
    ["an invalid response shape", "/invalid"],
  ])("keeps the token out of the error for %s", async (_case, path) => {
    const server = await startTestServer((request, response) => {
      if (request.url.endsWith("/echo")) sendJson(response, 401, { error: `token ${token} is not valid` });
      else if (request.url.endsWith("/conflict")) {
        sendJson(response, 409, {
          error: "busy",
          error_code: "active_session_exists",
          active_session_id: "s1",
        });
      } else if (request.url.endsWith("/redirect")) {
        response.writeHead(301, { Location: `/elsewhere?token=${token}` });
        response.end();
      } else if (request.url.endsWith("/slow")) setTimeout(() => sendJson(response, 200, {}), 500);
      else sendJson(response, 200, { id: 42, note: token });
    });
    servers.push(server);
    const error = await failureOf({ baseUrl: server.baseUrl, token, timeoutMs: 100, maxRetries: 0 }, path);
    expect(error).toBeInstanceOf(NetlifyApiError);
    for (const rendering of everyRendering(error)) expect(rendering).not.toContain(token);
  });

  it("redacts the token from an upstream message instead of passing it through", async () => {
    const server = await startTestServer((_request, response) =>
      sendJson(response, 401, { error: `bad ${token}` }),
    );
    servers.push(server);
    const error = await failureOf({ baseUrl: server.baseUrl, token, timeoutMs: 1_000 }, "/user");
    expect(error).toMatchObject({ status: 401, message: "bad [redacted]" });
  });

  it("keeps a malformed token (one undici refuses as a header value) out of the error", async () => {
    const badToken = `${token}\nX-Evil: 1`;
    const server = await startTestServer((_request, response) => sendJson(response, 200, { id: "u1" }));
    servers.push(server);
    const error = await netlifyFetch(
      { baseUrl: server.baseUrl, token: badToken, timeoutMs: 1_000, maxRetries: 0 },
      "/user",
    ).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({ status: 502, errorCode: "network_error" });
    for (const rendering of everyRendering(error)) expect(rendering).not.toContain(token);
    expect(server.requests).toHaveLength(0);
  });
});
