import { afterEach, describe, expect, it } from "vitest";
import { createNetlifyClient, netlifyConfigFor } from "./client";
import { NetlifyApiError } from "./errors";
import { sendJson, startTestServer, type TestHandler, type TestServer } from "./testing/test-server";

const token = "nfp_client_test";
const servers: TestServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const runner = {
  id: "r1",
  site_id: "site1",
  state: "running",
  created_at: "2026-01-24T12:33:34.171Z",
  updated_at: "2026-01-24T12:42:20.392Z",
};
const session = {
  id: "s1",
  agent_runner_id: "r1",
  state: "new",
  mode: "redeploy",
  created_at: "2026-01-24T12:33:34.171Z",
  updated_at: "2026-01-24T12:33:34.171Z",
};

async function clientWith(handler: TestHandler) {
  const server = await startTestServer(handler);
  servers.push(server);
  const client = createNetlifyClient({
    baseUrl: server.baseUrl,
    token,
    timeoutMs: 2_000,
    retryBaseDelayMs: 1,
  });
  return { client, server };
}

function bodyOf(server: TestServer, index = 0): unknown {
  return JSON.parse(server.requests[index]?.body ?? "null");
}

describe("createNetlifyClient runners", () => {
  it("creates a runner with site_id in the query and a snake_case JSON body without unset fields", async () => {
    const { client, server } = await clientWith((_request, response) => sendJson(response, 200, runner));
    const created = await client.runners.create({
      siteId: "site1",
      prompt: "Add a contact form",
      agent: "claude",
      deployId: "d1",
      parentAgentRunnerId: "r0",
      fileKeys: ["k1"],
    });
    expect(created.id).toBe("r1");
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/api/v1/agent_runners?site_id=site1" });
    expect(bodyOf(server)).toEqual({
      prompt: "Add a contact form",
      agent: "claude",
      deploy_id: "d1",
      parent_agent_runner_id: "r0",
      file_keys: ["k1"],
    });
  });

  it("lists runners with filters as snake_case query params and Dates as Unix seconds", async () => {
    const { client, server } = await clientWith((_request, response) =>
      sendJson(response, 200, [runner], {
        Total: "1",
        Link: '<https://x/api/v1/agent_runners?page=1>; rel="last"',
      }),
    );
    const page = await client.runners.list({
      siteId: "site1",
      resultBranch: "agent-x",
      from: new Date("2026-01-01T00:00:00Z"),
      perPage: 500,
    });
    expect(page).toMatchObject({ total: 1, page: 1, nextPage: null, lastPage: 1 });
    expect(page.items[0]?.id).toBe("r1");
    expect(server.requests[0]?.url).toBe(
      "/api/v1/agent_runners?site_id=site1&result_branch=agent-x&from=1767225600&page=1&per_page=100",
    );
  });

  it("walks every runner page at per_page=100 by following Link rel=next", async () => {
    const { client, server } = await clientWith((request, response) => {
      const page = new URL(request.url, "http://x").searchParams.get("page");
      if (page === "1") {
        sendJson(response, 200, [runner], { Link: '<http://x/api/v1/agent_runners?page=2>; rel="next"' });
      } else sendJson(response, 200, [{ ...runner, id: "r2" }], { Link: '<http://x?page=1>; rel="prev"' });
    });
    const runners = await client.runners.listAll({ siteId: "site1" });
    expect(runners.map((item) => item.id)).toEqual(["r1", "r2"]);
    expect(server.requests.map((request) => request.url)).toEqual([
      "/api/v1/agent_runners?site_id=site1&page=1&per_page=100",
      "/api/v1/agent_runners?site_id=site1&page=2&per_page=100",
    ]);
  });

  it("refuses an id that is not a plain id with a 400 invalid_path error, before sending anything", async () => {
    const { client, server } = await clientWith((_request, response) => sendJson(response, 200, runner));
    for (const id of ["r1/../x", "..", "", "a%2Fb"]) {
      await expect(client.runners.get(id)).rejects.toMatchObject({ status: 400, errorCode: "invalid_path" });
    }
    await expect(client.sessions.get("r1", "s1/..")).rejects.toBeInstanceOf(NetlifyApiError);
    expect(server.requests).toEqual([]);
  });

  it("resolves stop and archive (202, empty) to nothing with DELETE and POST", async () => {
    const { client, server } = await clientWith((_request, response) => {
      response.writeHead(202);
      response.end();
    });
    await expect(client.runners.stop("r1")).resolves.toBeUndefined();
    await expect(client.runners.archive("r1")).resolves.toBeUndefined();
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      "DELETE /api/v1/agent_runners/r1",
      "POST /api/v1/agent_runners/r1/archive",
    ]);
  });

  it("sends revert, commit and update bodies in snake_case and parses rebase as a session", async () => {
    const { client, server } = await clientWith((request, response) =>
      sendJson(response, 200, request.url.endsWith("/rebase") ? { ...session, mode: "rebase" } : runner),
    );
    await client.runners.revert("r1", "s1");
    await client.runners.commit("r1", "agent-branch");
    await client.runners.update("r1", { baseDeployId: "d2" });
    const rebased = await client.runners.rebase("r1");
    expect(rebased.mode).toBe("rebase");
    expect([bodyOf(server, 0), bodyOf(server, 1), bodyOf(server, 2)]).toEqual([
      { session_id: "s1" },
      { target_branch: "agent-branch" },
      { base_deploy_id: "d2" },
    ]);
    expect(server.requests[2]?.method).toBe("PATCH");
  });

  it("fetches the runner diff as text with page, per_page and strip_binary", async () => {
    const { client, server } = await clientWith((_request, response) => {
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.end("diff --git a/a b/a\n");
    });
    expect(await client.runners.diff("r1", { page: 2, perPage: 10, stripBinary: true })).toBe(
      "diff --git a/a b/a\n",
    );
    expect(server.requests[0]?.url).toBe(
      "/api/v1/agent_runners/r1/diff?page=2&per_page=10&strip_binary=true",
    );
  });
});

describe("createNetlifyClient sessions", () => {
  it("surfaces a 409 on a follow-up as an error carrying the active session id", async () => {
    const { client } = await clientWith((_request, response) =>
      sendJson(response, 409, {
        error: "another session exists",
        error_code: "active_session_exists",
        active_session_id: "s9",
      }),
    );
    await expect(client.sessions.create("r1", { prompt: "more" })).rejects.toMatchObject({
      status: 409,
      errorCode: "active_session_exists",
      activeSessionId: "s9",
    });
  });

  it("lists sessions with order_by and include_discarded", async () => {
    const { client, server } = await clientWith((_request, response) => sendJson(response, 200, [session]));
    const page = await client.sessions.list("r1", { orderBy: "desc", includeDiscarded: true });
    expect(page.items[0]?.id).toBe("s1");
    expect(server.requests[0]?.url).toBe(
      "/api/v1/agent_runners/r1/sessions?order_by=desc&include_discarded=true&page=1",
    );
  });

  it("reaches the redeploy, diff and upload-url endpoints of a session", async () => {
    const { client, server } = await clientWith((request, response) => {
      if (request.url.endsWith("/upload_urls")) {
        const target = { upload_url: "https://s3/x", s3_key: "k" };
        sendJson(response, 200, { result: target, cumulative: target });
      } else if (request.url.includes("/diff/")) {
        response.writeHead(200, { "Content-Type": "text/plain" });
        response.end(request.url.endsWith("/result") ? "result" : "cumulative");
      } else sendJson(response, 200, session);
    });
    expect((await client.sessions.redeploy("r1", "s1")).id).toBe("s1");
    expect(await client.sessions.resultDiff("r1", "s1")).toBe("result");
    expect(await client.sessions.cumulativeDiff("r1", "s1")).toBe("cumulative");
    expect(await new Response(await client.sessions.diffStream("r1", "s1", "result")).text()).toBe("result");
    expect((await client.sessions.diffUploadUrls("r1", "s1")).result.s3_key).toBe("k");
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      "POST /api/v1/agent_runners/r1/sessions/s1/redeploy",
      "GET /api/v1/agent_runners/r1/sessions/s1/diff/result",
      "GET /api/v1/agent_runners/r1/sessions/s1/diff/cumulative",
      "GET /api/v1/agent_runners/r1/sessions/s1/diff/result",
      "POST /api/v1/agent_runners/r1/sessions/s1/diff/upload_urls",
    ]);
  });
});

describe("createNetlifyClient attachments, sites, user and accounts", () => {
  it("asks for upload and delete URLs with snake_case bodies", async () => {
    const { client, server } = await clientWith((request, response) =>
      request.url.endsWith("/upload_url")
        ? sendJson(response, 200, { upload_url: "https://s3/u", file_key: "k" })
        : sendJson(response, 200, { delete_url: "https://s3/d", file_key: "k" }),
    );
    await client.attachments.uploadUrl({ accountId: "a1", filename: "x.png", contentType: "image/png" });
    await client.attachments.deleteUrl({ accountId: "a1", fileKey: "k" });
    expect(bodyOf(server, 0)).toEqual({ account_id: "a1", filename: "x.png", content_type: "image/png" });
    expect(bodyOf(server, 1)).toEqual({ account_id: "a1", file_key: "k" });
  });

  it("reads sites, the current user and accounts from their endpoints", async () => {
    const { client, server } = await clientWith((request, response) => {
      if (request.url.startsWith("/api/v1/sites?")) sendJson(response, 200, [{ id: "site1", name: "demo" }]);
      else if (request.url.startsWith("/api/v1/sites/"))
        sendJson(response, 200, { id: "site1", name: "demo" });
      else if (request.url === "/api/v1/user") sendJson(response, 200, { id: "u1", email: "u@example.com" });
      else sendJson(response, 200, [{ id: "a1", name: "Team", slug: "team" }]);
    });
    expect((await client.sites.listAll({ name: "demo" }))[0]?.name).toBe("demo");
    expect((await client.sites.get("site1")).id).toBe("site1");
    expect((await client.user.current()).id).toBe("u1");
    expect((await client.accounts.list())[0]?.slug).toBe("team");
    expect(server.requests.map((request) => request.url)).toEqual([
      "/api/v1/sites?name=demo&page=1&per_page=100",
      "/api/v1/sites/site1",
      "/api/v1/user",
      "/api/v1/accounts",
    ]);
  });
});

describe("netlifyConfigFor", () => {
  it("takes the base URL and timeout from the env contract and the token from the caller", () => {
    const env = { netlifyApiUrl: "http://127.0.0.1:8787/api/v1", netlifyApiTimeoutMs: 15_000 };
    expect(netlifyConfigFor(env, "t")).toEqual({ baseUrl: env.netlifyApiUrl, token: "t", timeoutMs: 15_000 });
  });
});
