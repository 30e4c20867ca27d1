import { describe, expect, it } from "vitest";
import { apiError, useContractSimulator } from "./testing/contract-fixture";

const unknownId = "ffffffffffffffffffffffff";

describe("sessions contract: follow-ups, lists, update, stop, redeploy", () => {
  const contract = useContractSimulator();

  it("refuses a follow-up with 409 active_session_exists naming the active session, while it runs and while it waits for input", async () => {
    const { client } = contract;
    await contract.forceSessions("question");
    const runner = await client.runners.create({
      siteId: await contract.siteId("aurora-storefront"),
      prompt: "Add a contact form",
    });
    const [active] = (await client.sessions.list(runner.id)).items;

    const whileRunning = await apiError(client.sessions.create(runner.id, { prompt: "And validation" }));
    expect(whileRunning).toMatchObject({
      status: 409,
      errorCode: "active_session_exists",
      activeSessionId: active?.id,
    });
    await contract.finishSessions();
    expect((await client.sessions.get(runner.id, active?.id ?? "")).state).toBe("await_input");
    const whileWaiting = await apiError(client.sessions.create(runner.id, { prompt: "And validation" }));
    expect(whileWaiting).toMatchObject({ status: 409, errorCode: "active_session_exists" });
    expect(whileWaiting.activeSessionId).toBe(active?.id);
    expect((await client.sessions.listAll(runner.id)).map((session) => session.id)).toEqual([active?.id]);
  });

  it.each(["done", "error"] as const)(
    "accepts a follow-up with 200 once the latest session is %s",
    async (outcome) => {
      const { client } = contract;
      const runner = await contract.finishedRunner("field-notes-blog", outcome);
      const followUp = await client.sessions.create(runner.id, {
        prompt: "Add form validation",
        agent: "codex",
        model: "gpt-5.6-sol",
        effort: "low",
      });
      expect(followUp).toMatchObject({
        agent_runner_id: runner.id,
        state: "running",
        mode: "normal",
        prompt: "Add form validation",
        agent_config: { agent: "codex", model: "gpt-5.6-sol", effort: "low" },
        is_discarded: false,
      });
      expect(followUp).not.toHaveProperty("source_session_id");
      expect(await client.runners.get(runner.id)).toMatchObject({
        state: "running",
        latest_session_state: "running",
        active_session_created_at: followUp.created_at,
      });
    },
  );

  it("accepts a follow-up with 200 once the latest session was cancelled", async () => {
    const { client } = contract;
    const runner = await client.runners.create({
      siteId: await contract.siteId("aurora-storefront"),
      prompt: "Add a contact form",
    });
    await client.runners.stop(runner.id);
    expect((await client.runners.get(runner.id)).state).toBe("cancelled");
    const followUp = await client.sessions.create(runner.id, { prompt: "Try again, smaller" });
    expect(followUp.state).toBe("running");
    expect((await client.runners.get(runner.id)).state).toBe("running");
  });

  it("refuses a follow-up without a prompt (400) and on an unknown runner (404)", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    expect(await apiError(client.sessions.create(runner.id, { prompt: "" }))).toMatchObject({
      status: 400,
      message: "prompt is required",
    });
    expect(await apiError(client.sessions.create(unknownId, { prompt: "Hi" }))).toMatchObject({
      status: 404,
    });
    expect(await apiError(client.sessions.list(unknownId))).toMatchObject({ status: 404 });
  });

  it("lists sessions oldest first by default and newest first with order_by=desc, with Total and Link paging", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    await contract.finishedFollowUp(runner.id, "done", "Add form validation");
    await contract.finishedFollowUp(runner.id, "done", "Add a success message");

    const ascending = await client.sessions.listAll(runner.id);
    expect(ascending).toHaveLength(3);
    const created = ascending.map((session) => Date.parse(session.created_at));
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(new Set(created).size).toBe(3);
    const descending = await client.sessions.listAll(runner.id, { orderBy: "desc" });
    expect(descending.map((session) => session.id)).toEqual(ascending.map((session) => session.id).reverse());

    const firstPage = await client.sessions.list(runner.id, { perPage: 2 });
    expect(firstPage).toMatchObject({ total: 3, page: 1, nextPage: 2, lastPage: 2 });
    expect(firstPage.items.map((session) => session.id)).toEqual(ascending.slice(0, 2).map((s) => s.id));
    const secondPage = await client.sessions.list(runner.id, { perPage: 2, page: 2 });
    expect(secondPage).toMatchObject({ total: 3, nextPage: null, lastPage: 2 });
    expect(secondPage.items.map((session) => session.id)).toEqual([ascending[2]?.id]);
  });

  it("filters sessions by state and by from/to in Unix seconds", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    const failed = await contract.finishedFollowUp(runner.id, "error");
    await contract.advance(3_600_000);
    const latest = await client.sessions.create(runner.id, { prompt: "One more tweak" });

    const errors = await client.sessions.listAll(runner.id, { state: "error" });
    expect(errors.map((session) => session.id)).toContain(failed.id);
    expect(errors.every((session) => session.state === "error")).toBe(true);
    expect((await client.sessions.listAll(runner.id, { state: "running" })).map((s) => s.id)).toEqual([
      latest.id,
    ]);

    const since = new Date(latest.created_at);
    expect((await client.sessions.listAll(runner.id, { from: since })).map((s) => s.id)).toEqual([latest.id]);
    const before = await client.sessions.listAll(runner.id, { to: Math.floor(since.getTime() / 1000) - 1 });
    expect(before.map((session) => session.id)).not.toContain(latest.id);
    expect(before.length).toBeGreaterThan(0);
    expect((await client.sessions.list(runner.id, { from: since.getTime() - 60_000 })).items).toEqual([]);
  });

  it("gets one session with 200 and answers 404 for an unknown one", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("field-notes-blog");
    const [listed] = (await client.sessions.list(runner.id)).items;
    const session = await client.sessions.get(runner.id, listed?.id ?? "");
    expect(session).toMatchObject({
      id: listed?.id,
      agent_runner_id: runner.id,
      state: "done",
      mode: "normal",
    });
    expect(session.deploy_url).toMatch(/^https:\/\/.+--field-notes-blog\.netlify\.app$/);
    expect(session.duration).toBeGreaterThan(0);
    expect(await apiError(client.sessions.get(runner.id, unknownId))).toMatchObject({
      status: 404,
      message: "Not found",
    });
  });

  it("updates is_published and title with PATCH; the runner reports latest_session_is_published", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    const [session] = (await client.sessions.list(runner.id)).items;
    const updated = await client.sessions.update(runner.id, session?.id ?? "", {
      isPublished: true,
      title: "Shipped contact form",
    });
    expect(updated).toMatchObject({ id: session?.id, is_published: true, title: "Shipped contact form" });
    expect((await client.runners.get(runner.id)).latest_session_is_published).toBe(true);
    expect(await apiError(client.sessions.update(runner.id, unknownId, { title: "x" }))).toMatchObject({
      status: 404,
    });
  });

  it("stops a given session with 202: it ends cancelled and so does the runner", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    const followUp = await client.sessions.create(runner.id, { prompt: "Add a map" });
    await contract.advance(5_000);
    await expect(client.sessions.stop(runner.id, followUp.id)).resolves.toBeUndefined();
    expect(await contract.loggedStatus("DELETE", `/agent_runners/${runner.id}/sessions/${followUp.id}`)).toBe(
      202,
    );
    const stopped = await client.sessions.get(runner.id, followUp.id);
    expect(stopped).toMatchObject({ state: "cancelled", current_task: null });
    expect(stopped.done_at).toEqual(expect.any(String));
    expect(await client.runners.get(runner.id)).toMatchObject({
      state: "cancelled",
      active_session_created_at: null,
    });
    expect(await apiError(client.sessions.stop(runner.id, unknownId))).toMatchObject({ status: 404 });
  });

  it("redeploys a done session as a new redeploy session pointing at its source, without AI input", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("field-notes-blog");
    const [source] = (await client.sessions.list(runner.id)).items;
    const redeploy = await client.sessions.redeploy(runner.id, source?.id ?? "");
    expect(redeploy).toMatchObject({
      agent_runner_id: runner.id,
      mode: "redeploy",
      state: "new",
      source_session_id: source?.id,
      prompt: null,
      agent_config: {},
      steps: [],
    });
    expect(redeploy.id).not.toBe(source?.id);
    expect(await client.runners.get(runner.id)).toMatchObject({
      state: "new",
      latest_session_mode: "redeploy",
    });

    const blocked = await apiError(client.sessions.redeploy(runner.id, source?.id ?? ""));
    expect(blocked).toMatchObject({
      status: 409,
      errorCode: "active_session_exists",
      activeSessionId: redeploy.id,
    });
  });

  it("refuses to redeploy a session that did not finish done (400) or is unknown (404)", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront", "error");
    const [failed] = (await client.sessions.list(runner.id)).items;
    expect(await apiError(client.sessions.redeploy(runner.id, failed?.id ?? ""))).toMatchObject({
      status: 400,
    });
    expect(await apiError(client.sessions.redeploy(runner.id, unknownId))).toMatchObject({ status: 404 });
  });
});
