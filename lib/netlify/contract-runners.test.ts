import { describe, expect, it } from "vitest";
import { apiError, useContractSimulator } from "./testing/contract-fixture";

describe("runners contract: typed client against the simulator", () => {
  const contract = useContractSimulator();

  it("creates a runner with 200 already running (as live), which works through steps and ends done", async () => {
    const { client } = contract;
    const siteId = await contract.siteId("aurora-storefront");
    const me = await client.user.current();
    await contract.forceSessions("done");

    const created = await client.runners.create({ siteId, prompt: "Add a contact form", agent: "codex" });
    expect(created).toMatchObject({
      site_id: siteId,
      site_name: "aurora-storefront",
      code_origin: "github",
      state: "running",
      latest_session_state: "running",
      branch: "main",
      done_at: null,
      user: { id: me.id },
    });
    expect(created.title).toEqual(expect.any(String));
    expect(created.active_session_created_at).toBe(created.last_session_created_at);

    await contract.advance(1_000);
    const running = await client.runners.get(created.id);
    expect(running).toMatchObject({ state: "running", latest_session_state: "running", done_at: null });
    expect(running.current_task).toEqual(expect.any(String));

    await contract.finishSessions();
    const finished = await client.runners.get(created.id);
    expect(finished).toMatchObject({
      state: "done",
      latest_session_state: "done",
      active_session_created_at: null,
      current_task: null,
    });
    expect(finished.done_at).toEqual(expect.any(String));
  });

  it("ends a runner done when its session succeeds, with a result diff", async () => {
    const done = await contract.finishedRunner("aurora-storefront", "done");
    expect(done).toMatchObject({ state: "done", latest_session_state: "done", has_result_diff: true });
    expect(done.done_at).toEqual(expect.any(String));
  });

  it("ends a runner in error when its session fails, with no result diff", async () => {
    const failed = await contract.finishedRunner("field-notes-blog", "error");
    expect(failed).toMatchObject({ state: "error", latest_session_state: "error", has_result_diff: false });
    expect(failed.done_at).toEqual(expect.any(String));
    const [session] = (await contract.client.sessions.list(failed.id)).items;
    expect(session?.state).toBe("error");
  });

  it("creates runners on the zip site without branch or sha, and honours an explicit branch on git sites", async () => {
    const { client } = contract;
    const zip = await client.runners.create({
      siteId: await contract.siteId("docs-portal"),
      prompt: "Fix the typo in the intro",
    });
    expect(zip).toMatchObject({ code_origin: "zip", branch: null, sha: null });
    const git = await client.runners.create({
      siteId: await contract.siteId("field-notes-blog"),
      prompt: "Add an RSS feed",
      branch: "staging",
    });
    expect(git.branch).toBe("staging");
    expect(git.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it("echoes agent, model and effort in the first session's agent_config", async () => {
    const { client } = contract;
    const runner = await client.runners.create({
      siteId: await contract.siteId("aurora-storefront"),
      prompt: "Tighten the hero copy",
      agent: "gemini",
      model: "gemini-3.1-pro-preview",
      effort: "high",
    });
    const [session] = (await client.sessions.list(runner.id)).items;
    expect(session?.agent_config).toEqual({
      agent: "gemini",
      model: "gemini-3.1-pro-preview",
      effort: "high",
    });
    expect(session?.prompt).toBe("Tighten the hero copy");
  });

  it("refuses a create without a prompt with 400 and one for an unknown site with 404", async () => {
    const { client } = contract;
    const siteId = await contract.siteId("aurora-storefront");
    expect(await apiError(client.runners.create({ siteId, prompt: "" }))).toMatchObject({
      status: 400,
      message: "prompt is required",
    });
    const raw = await contract.raw(`/agent_runners?site_id=${siteId}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ agent: "claude" }),
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({ error: "prompt is required" });
    const unknownSite = await apiError(client.runners.create({ siteId: "no-such-site", prompt: "Hi" }));
    expect(unknownSite.status).toBe(404);
  });

  it("answers 404 with an {error} body for an unknown runner on get, update, stop and archive", async () => {
    const { client } = contract;
    const raw = await contract.raw("/agent_runners/0123456789abcdef01234567");
    expect(raw.status).toBe(404);
    expect(await raw.json()).toEqual({ error: "Not found" });
    const unknown = "0123456789abcdef01234567";
    for (const call of [
      () => client.runners.get(unknown),
      () => client.runners.update(unknown, { title: "x" }),
      () => client.runners.stop(unknown),
      () => client.runners.archive(unknown),
    ]) {
      // The message is the body's `error`, not the client's generic 404 text.
      expect(await apiError(call())).toMatchObject({ status: 404, message: "Not found" });
    }
  });

  it("updates title and base_deploy_id with PATCH and keeps them on later reads", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    const updated = await client.runners.update(runner.id, { title: "Renamed", baseDeployId: "deploy123" });
    expect(updated).toMatchObject({ id: runner.id, title: "Renamed", base_deploy_id: "deploy123" });
    expect(await client.runners.get(runner.id)).toMatchObject({
      title: "Renamed",
      base_deploy_id: "deploy123",
    });
  });

  it("stops a runner with 202 and an empty body: the active session ends cancelled, the runner stays", async () => {
    const { client } = contract;
    const runner = await client.runners.create({
      siteId: await contract.siteId("aurora-storefront"),
      prompt: "Add a pricing table",
    });
    await contract.advance(2_000);
    await expect(client.runners.stop(runner.id)).resolves.toBeUndefined();
    expect(await contract.loggedStatus("DELETE", `/agent_runners/${runner.id}`)).toBe(202);

    const stopped = await client.runners.get(runner.id);
    expect(stopped).toMatchObject({
      state: "cancelled",
      latest_session_state: "cancelled",
      current_task: null,
    });
    expect(stopped.done_at).toEqual(expect.any(String));
    const [session] = (await client.sessions.list(runner.id)).items;
    expect(session?.state).toBe("cancelled");

    // The cancelled state is final: later clock ticks do not resume the session.
    await contract.finishSessions();
    expect((await client.runners.get(runner.id)).state).toBe("cancelled");
    const raw = await contract.raw(`/agent_runners/${runner.id}`, { method: "DELETE" });
    expect(raw.status).toBe(202);
    expect(await raw.text()).toBe("");
  });

  it("archives with 202: the runner is archived, hidden from the default list, listed with state=archived", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("field-notes-blog");
    const siteId = runner.site_id;
    const before = await client.runners.listAll({ siteId });
    expect(before.map((item) => item.id)).toContain(runner.id);

    await expect(client.runners.archive(runner.id)).resolves.toBeUndefined();
    expect(await contract.loggedStatus("POST", `/agent_runners/${runner.id}/archive`)).toBe(202);
    expect((await client.runners.get(runner.id)).state).toBe("archived");

    const visible = await client.runners.listAll({ siteId });
    expect(visible.map((item) => item.id)).not.toContain(runner.id);
    expect(visible.every((item) => item.state !== "archived")).toBe(true);
    expect(visible).toHaveLength(before.length - 1);

    const archived = await client.runners.listAll({ siteId, state: "archived" });
    expect(archived.map((item) => item.id)).toContain(runner.id);
    expect(archived.every((item) => item.state === "archived")).toBe(true);

    expect(await apiError(client.runners.archive(runner.id))).toMatchObject({ status: 422 });
  });

  it("archiving a running runner cancels its session and archives it", async () => {
    const { client } = contract;
    const runner = await client.runners.create({
      siteId: await contract.siteId("aurora-storefront"),
      prompt: "Add a footer",
    });
    await client.runners.archive(runner.id);
    expect(await client.runners.get(runner.id)).toMatchObject({
      state: "archived",
      latest_session_state: "cancelled",
    });
  });
});
