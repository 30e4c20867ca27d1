import { describe, expect, it } from "vitest";
import { apiError, isoMillisZ, useContractSimulator } from "./testing/contract-fixture";

describe("snapshot contract: GET /agent_runners/{id}/snapshot", () => {
  const contract = useContractSimulator();

  it("returns the run, its sessions oldest first and its deploys, with state_version and activity_state", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    const followUp = await contract.finishedFollowUp(runner.id);
    const snapshot = await client.runners.snapshot(runner.id);
    expect(snapshot.activity_state).toBe("terminal");
    expect(snapshot.agent_runner).toMatchObject({ id: runner.id, state: "done", preview_state: "ready" });
    expect(snapshot.sessions.map((session) => session.id)).toEqual([
      (await client.sessions.listAll(runner.id))[0]?.id,
      followUp.id,
    ]);
    expect(snapshot.sessions.every((session) => session.interactions !== undefined)).toBe(true);
    expect(snapshot.deploys).toHaveLength(2);
    for (const [index, deploy] of snapshot.deploys.entries()) {
      expect(deploy).toMatchObject({
        id: snapshot.sessions[index]?.deploy_id,
        state: "ready",
        context: "deploy-preview",
        deploy_ssl_url: snapshot.sessions[index]?.deploy_url,
        error_message: null,
      });
    }
  });

  it("state_version grows on every change of the run and stays put when nothing changes", async () => {
    const { client } = contract;
    const created = await client.runners.create({
      siteId: await contract.siteId("aurora-storefront"),
      prompt: "Add a contact form",
    });
    const versions = [(await client.runners.snapshot(created.id)).state_version];
    const step = async () => versions.push((await client.runners.snapshot(created.id)).state_version);
    await step();
    expect(versions[1]).toBe(versions[0]);
    await contract.advance(20_000);
    await step();
    await client.runners.update(created.id, { title: "Contact form" });
    await step();
    await contract.finishSessions();
    await step();
    for (let i = 2; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1] ?? 0);
  });

  it("activity_state is active while a session works, idle while it waits for input, terminal once it ends", async () => {
    const { client } = contract;
    const { runner, session, refId } = await contract.waitingRunner("field-notes-blog");
    expect((await client.runners.snapshot(runner.id)).activity_state).toBe("idle");
    await client.sessions.answer(runner.id, session.id, { refId, skipped: true });
    expect((await client.runners.snapshot(runner.id)).activity_state).toBe("active");
    await contract.finishSessions();
    expect((await client.runners.snapshot(runner.id)).activity_state).toBe("terminal");
  });

  it("lists a failed preview build as an errored deploy with its message and preview_state failed; an agent error has no deploy", async () => {
    const { client } = contract;
    const build = await contract.finishedRunner("docs-portal", "build_failure");
    const snapshot = await client.runners.snapshot(build.id);
    expect(snapshot.agent_runner).toMatchObject({ state: "error", preview_state: "failed" });
    expect(snapshot.deploys).toEqual([
      expect.objectContaining({ state: "error", deploy_ssl_url: null, error_message: expect.any(String) }),
    ]);
    expect(snapshot.sessions[0]?.deploy_id).toBeNull();

    const agent = await contract.finishedRunner("docs-portal", "error");
    const failed = await client.runners.snapshot(agent.id);
    expect(failed.agent_runner).toMatchObject({ state: "error", preview_state: null });
    expect(failed.deploys).toEqual([]);
  });

  it("answers 404 for an unknown run and for another account's run", async () => {
    const other = await contract.otherAccount("other-token", [{ name: "other-site", code_origin: "github" }]);
    const foreign = await other.client.runners.create({ siteId: other.siteIds[0] ?? "", prompt: "Hello" });
    expect(await apiError(contract.client.runners.snapshot(foreign.id))).toMatchObject({ status: 404 });
    expect(await apiError(contract.client.runners.snapshot("ffffffffffffffffffffffff"))).toMatchObject({
      status: 404,
    });
    const own = await other.client.runners.snapshot(foreign.id);
    expect(own.agent_runner.created_at).toMatch(isoMillisZ);
    expect(own.activity_state).toBe("active");
    expect(own.agent_runner.preview_state).toBe("pending");
  });
});
