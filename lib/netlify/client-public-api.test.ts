import { afterEach, describe, expect, it } from "vitest";
import { createNetlifyClient } from "./client";
import { sendJson, startTestServer, type TestHandler, type TestServer } from "./testing/test-server";

/* The endpoints of Netlify's public Agent Runners API (November 2026, research notes §7). */

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const runner = {
  id: "r1",
  site_id: "site1",
  site_name: "aurora",
  state: "await_input",
  created_at: "2026-11-05T09:00:00.000Z",
  updated_at: "2026-11-05T09:02:00.000Z",
};
const session = {
  id: "s1",
  agent_runner_id: "r1",
  state: "running",
  mode: "normal",
  created_at: "2026-11-05T09:00:00.000Z",
  updated_at: "2026-11-05T09:03:00.000Z",
};

async function clientWith(handler: TestHandler) {
  const server = await startTestServer(handler);
  servers.push(server);
  const client = createNetlifyClient({ baseUrl: server.baseUrl, token: "t", timeoutMs: 2_000 });
  return { client, server };
}

const bodyOf = (server: TestServer, index = 0): unknown => JSON.parse(server.requests[index]?.body ?? "null");

describe("createNetlifyClient, public Agent Runners API", () => {
  it("reads a run snapshot with its sessions, interactions and deploys", async () => {
    const snapshot = {
      state_version: 7,
      activity_state: "idle",
      agent_runner: runner,
      sessions: [
        {
          ...session,
          state: "await_input",
          interactions: {
            q1: { type: "question", status: "pending", payload: [{ question: "Which color?" }] },
          },
        },
      ],
      deploys: [
        {
          id: "d1",
          state: "ready",
          deploy_ssl_url: "https://agent-r1--aurora.netlify.app",
          context: "deploy-preview",
          error_message: null,
        },
      ],
    };
    const { client, server } = await clientWith((_request, response) => sendJson(response, 200, snapshot));
    const read = await client.runners.snapshot("r1");
    expect(read).toMatchObject({ state_version: 7, activity_state: "idle", agent_runner: { id: "r1" } });
    expect(read.sessions[0]?.interactions?.q1?.status).toBe("pending");
    expect(read.deploys[0]?.deploy_ssl_url).toBe("https://agent-r1--aurora.netlify.app");
    expect(server.requests[0]).toMatchObject({ method: "GET", url: "/api/v1/agent_runners/r1/snapshot" });
  });

  it("answers an interaction with one entry per question, or skips it with an instruction", async () => {
    const { client, server } = await clientWith((_request, response) => sendJson(response, 200, session));
    const answered = await client.sessions.answer("r1", "s1", {
      refId: "q1",
      response: ["Blue", ["Home", "Contact"], null],
    });
    expect(answered.state).toBe("running");
    await client.sessions.answer("r1", "s1", { refId: "a1", skipped: true, instruction: "Skip the PR" });
    await client.sessions.answer("r1", "s1", { refId: "a2", skipped: true });
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      url: "/api/v1/agent_runners/r1/sessions/s1/answers",
    });
    expect([bodyOf(server, 0), bodyOf(server, 1), bodyOf(server, 2)]).toEqual([
      { refId: "q1", response: ["Blue", ["Home", "Contact"], null] },
      { refId: "a1", skipped: true, instruction: "Skip the PR" },
      { refId: "a2", skipped: true },
    ]);
  });

  it("creates a run on a site through the public path, accepting 201 as well as 200", async () => {
    const { client, server } = await clientWith((request, response) =>
      sendJson(response, request.url.startsWith("/api/v1/sites/") ? 201 : 200, { ...runner, state: "new" }),
    );
    const params = { siteId: "site1", prompt: "Add a contact form", mode: "ask", branch: "main" } as const;
    expect((await client.runners.createOnSite(params)).state).toBe("new");
    await client.runners.create(params);
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      "POST /api/v1/sites/site1/agent_runners",
      "POST /api/v1/agent_runners?site_id=site1",
    ]);
    expect(bodyOf(server, 0)).toEqual({ prompt: "Add a contact form", mode: "ask", branch: "main" });
    expect(bodyOf(server, 1)).toEqual(bodyOf(server, 0));
  });

  it("publishes a run to production and reads the runner it answers with", async () => {
    const { client, server } = await clientWith((_request, response) =>
      sendJson(response, 200, { ...runner, state: "done", publishing_state: "publishing" }),
    );
    const published = await client.runners.publishToProduction("r1");
    expect(published.publishing_state).toBe("publishing");
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      url: "/api/v1/agent_runners/r1/publish_to_production",
      body: "",
    });
  });
});
