import { describe, expect, it } from "vitest";
import { apiError, useContractSimulator } from "./testing/contract-fixture";

describe("runner actions contract: revert, rebase, pull_request, commit", () => {
  const contract = useContractSimulator();

  it("revert marks every later session is_discarded; the default session list hides them, include_discarded shows them", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    const second = await contract.finishedFollowUp(runner.id, "done", "Add form validation");
    const third = await contract.finishedFollowUp(runner.id, "done", "Add a success message");
    const first = (await client.sessions.list(runner.id)).items[0];

    const reverted = await client.runners.revert(runner.id, second.id);
    expect(reverted).toMatchObject({
      id: runner.id,
      state: second.state,
      latest_session_state: second.state,
    });

    const visible = await client.sessions.listAll(runner.id);
    expect(visible.map((session) => session.id)).toEqual([first?.id, second.id]);
    const all = await client.sessions.listAll(runner.id, { includeDiscarded: true });
    expect(all.map((session) => [session.id, session.is_discarded])).toEqual([
      [first?.id, false],
      [second.id, false],
      [third.id, true],
    ]);
    expect((await client.sessions.get(runner.id, third.id)).is_discarded).toBe(true);
    // The runner diff no longer carries the discarded session's changes.
    expect(await client.runners.diff(runner.id)).toBe(
      await client.sessions.cumulativeDiff(runner.id, second.id),
    );
  });

  it("refuses to revert to the first session (400), past committed sessions (400) or to an unknown one (404)", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("field-notes-blog");
    const second = await contract.finishedFollowUp(runner.id);
    await contract.finishedFollowUp(runner.id);
    const first = (await client.sessions.list(runner.id)).items[0];

    expect(await apiError(client.runners.revert(runner.id, first?.id ?? ""))).toMatchObject({ status: 400 });
    expect(await apiError(client.runners.revert(runner.id, "ffffffffffffffffffffffff"))).toMatchObject({
      status: 404,
    });

    await client.runners.commit(runner.id, "agent-feature");
    await contract.advance(2_000);
    expect(await apiError(client.runners.revert(runner.id, second.id))).toMatchObject({ status: 400 });
    expect((await client.sessions.listAll(runner.id)).every((session) => !session.is_discarded)).toBe(true);
  });

  it("rebase on a GitHub site is refused with 422", async () => {
    const runner = await contract.finishedRunner("aurora-storefront");
    expect(runner.rebase_available).toBe(false);
    expect(await apiError(contract.client.runners.rebase(runner.id))).toMatchObject({ status: 422 });
  });

  it("rebase on the zip site, once production moved on, answers a new rebase session without prompt or agent config", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("docs-portal");
    expect(runner.rebase_available).toBe(false);
    expect(await apiError(client.runners.rebase(runner.id))).toMatchObject({
      status: 400,
      message: "Already based on the latest production deploy",
    });
    await contract.control("POST", `/__sim/sites/${runner.site_id}/production_deploy`);
    expect((await client.runners.get(runner.id)).rebase_available).toBe(true);

    const rebase = await client.runners.rebase(runner.id);
    expect(rebase).toMatchObject({
      agent_runner_id: runner.id,
      mode: "rebase",
      state: "new",
      prompt: null,
      agent_config: {},
    });
    expect(rebase).not.toHaveProperty("source_session_id");
    expect(await client.runners.get(runner.id)).toMatchObject({
      state: "new",
      latest_session_mode: "rebase",
    });
    await contract.finishSessions();
    const finished = await client.sessions.get(runner.id, rebase.id);
    expect(finished.state).toBe("done");
    // Now based on the latest production deploy: never twice in a row.
    expect((await client.runners.get(runner.id)).rebase_available).toBe(false);
    expect(await apiError(client.runners.rebase(runner.id))).toMatchObject({ status: 400 });
  });

  it("rebase stays available after a follow-up without changes, and after a rebase that did not finish", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("docs-portal");
    await contract.forceSessions("done");
    await client.sessions.create(runner.id, { prompt: "What did you change?", mode: "ask" });
    await contract.finishSessions();
    await contract.control("POST", `/__sim/sites/${runner.site_id}/production_deploy`);
    expect((await client.runners.get(runner.id)).rebase_available).toBe(true);
    const rebase = await client.runners.rebase(runner.id);
    await client.sessions.stop(runner.id, rebase.id);
    expect((await client.runners.get(runner.id)).rebase_available).toBe(true);
  });

  it("rebase is refused with 409 while a session is active, and with 400 when the run has no diff", async () => {
    const { client } = contract;
    const siteId = await contract.siteId("docs-portal");
    const runner = await client.runners.create({ siteId, prompt: "Fix the broken links" });
    await contract.control("POST", `/__sim/sites/${siteId}/production_deploy`);
    expect(await apiError(client.runners.rebase(runner.id))).toMatchObject({
      status: 409,
      errorCode: "active_session_exists",
    });
    await client.runners.stop(runner.id);
    expect(await apiError(client.runners.rebase(runner.id))).toMatchObject({
      status: 400,
      message: "There is no diff to rebase",
    });
  });

  it("creates a pull request asynchronously: pr_is_being_created first, pr fields 3 s later", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    expect(runner).toMatchObject({ pr_url: null, pr_is_being_created: false });

    const pending = await client.runners.createPullRequest(runner.id);
    expect(pending).toMatchObject({
      pr_is_being_created: true,
      pr_url: null,
      pr_branch: null,
      pr_number: null,
      pr_state: null,
    });
    await contract.advance(2_999);
    expect((await client.runners.get(runner.id)).pr_is_being_created).toBe(true);

    await contract.advance(1);
    const opened = await client.runners.get(runner.id);
    expect(opened).toMatchObject({ pr_is_being_created: false, pr_state: "open", pr_error: null });
    expect(opened.pr_url).toMatch(/^https:\/\/github\.com\/.+\/aurora-storefront\/pull\/\d+$/);
    expect(opened.pr_url?.endsWith(`/pull/${opened.pr_number}`)).toBe(true);
    expect(opened.pr_number).toEqual(expect.any(Number));
    expect(opened.pr_branch).toMatch(/^agent-[a-z0-9-]+-[0-9a-f]{4}$/);
    expect(opened.result_branch).toBe(opened.pr_branch);
    const sessions = await client.sessions.listAll(runner.id);
    expect(sessions.every((session) => /^[0-9a-f]{40}$/.test(session.commit_sha ?? ""))).toBe(true);

    expect(await apiError(client.runners.createPullRequest(runner.id))).toMatchObject({ status: 409 });
  });

  it("refuses a pull request without finished changes (400) and on a site without the GitHub app (422)", async () => {
    const { client } = contract;
    const running = await client.runners.create({
      siteId: await contract.siteId("field-notes-blog"),
      prompt: "Add a sitemap",
    });
    expect(await apiError(client.runners.createPullRequest(running.id))).toMatchObject({ status: 400 });

    const zip = await contract.finishedRunner("docs-portal");
    const refused = await apiError(client.runners.createPullRequest(zip.id));
    expect(refused.status).toBe(422);
    expect(refused.message).toMatch(/coding installation/i);
    expect(await apiError(client.runners.createPullRequest("ffffffffffffffffffffffff"))).toMatchObject({
      status: 404,
    });
  });

  it("commit needs target_branch (400) and refuses main (400)", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("field-notes-blog");
    const missing = await contract.raw(`/agent_runners/${runner.id}/commit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "target_branch is required" });
    expect(await apiError(client.runners.commit(runner.id, ""))).toMatchObject({ status: 400 });
    expect(await apiError(client.runners.commit(runner.id, "main"))).toMatchObject({ status: 400 });
    expect((await client.runners.get(runner.id)).merge_commit_is_being_created).toBe(false);
  });

  it("commit answers merge_commit_is_being_created, then 2 s later every session has its own commit_sha", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    const followUp = await contract.finishedFollowUp(runner.id);

    const pending = await client.runners.commit(runner.id, "agent-contact-form");
    expect(pending).toMatchObject({ merge_commit_is_being_created: true, merge_commit_sha: null });
    expect(await apiError(client.runners.commit(runner.id, "agent-contact-form"))).toMatchObject({
      status: 409,
    });

    await contract.advance(2_000);
    const committed = await client.runners.get(runner.id);
    expect(committed).toMatchObject({ merge_commit_is_being_created: false, merge_commit_error: null });
    const sessions = await client.sessions.listAll(runner.id);
    const shas = sessions.map((session) => session.commit_sha);
    expect(shas.every((sha) => /^[0-9a-f]{40}$/.test(sha ?? ""))).toBe(true);
    expect(new Set(shas).size).toBe(sessions.length);
    expect(committed.merge_commit_sha).toBe((await client.sessions.get(runner.id, followUp.id)).commit_sha);

    expect(await apiError(client.runners.commit(runner.id, "agent-contact-form"))).toMatchObject({
      status: 422,
    });
  });
});
