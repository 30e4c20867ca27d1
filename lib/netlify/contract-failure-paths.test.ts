import { describe, expect, it } from "vitest";
import { describeNetlifyError } from "./error-sentences";
import { apiError, useContractSimulator } from "./testing/contract-fixture";

describe("failure paths and the public create: what clients must survive", () => {
  const contract = useContractSimulator();

  it("a pull request that fails ends with pr_error and pr_is_being_created back to false", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    await contract.control("POST", "/__sim/outcomes", { pull_requests: ["error"] });
    expect((await client.runners.createPullRequest(runner.id)).pr_is_being_created).toBe(true);
    await contract.advance(3_000);
    expect(await client.runners.get(runner.id)).toMatchObject({
      pr_is_being_created: false,
      pr_error: expect.any(String),
      pr_url: null,
      pr_state: null,
    });
  });

  it("a commit that fails ends with merge_commit_error and leaves the sessions uncommitted", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("field-notes-blog");
    await contract.control("POST", "/__sim/outcomes", { commits: ["error"] });
    expect((await client.runners.commit(runner.id, "feature/form")).merge_commit_is_being_created).toBe(true);
    await contract.advance(2_000);
    expect(await client.runners.get(runner.id)).toMatchObject({
      merge_commit_is_being_created: false,
      merge_commit_error: expect.any(String),
      merge_commit_sha: null,
    });
    expect((await client.sessions.listAll(runner.id)).every((session) => session.commit_sha === null)).toBe(
      true,
    );
  });

  it("publish to production: publishing, then published; follow-ups then get 409 follow_up_unavailable", async () => {
    const other = await contract.otherAccount("git-token", [
      { name: "hosted-git", code_origin: "netlify-git" },
    ]);
    const siteId = other.siteIds[0] ?? "";
    await contract.forceSessions("done");
    const runner = await other.client.runners.create({ siteId, prompt: "Add a contact form" });
    await contract.finishSessions();
    const publishing = await other.client.runners.publishToProduction(runner.id);
    expect(publishing).toMatchObject({ publishing_state: "publishing", merge_commit_is_being_created: true });
    expect(await apiError(other.client.runners.publishToProduction(runner.id))).toMatchObject({
      status: 400,
      message: "Publish to production already in progress",
    });
    const duringPublish = await apiError(other.client.sessions.create(runner.id, { prompt: "One more" }));
    expect(duringPublish).toMatchObject({ status: 409, errorCode: "follow_up_unavailable" });
    await contract.advance(4_000);
    const published = await other.client.runners.get(runner.id);
    expect(published).toMatchObject({ publishing_state: "published", latest_session_is_published: true });
    const after = await apiError(other.client.sessions.create(runner.id, { prompt: "One more" }));
    expect(after).toMatchObject({ status: 409, errorCode: "follow_up_unavailable" });
    expect(describeNetlifyError(after)).toMatch(/new run/i);
    const snapshot = await other.client.runners.snapshot(runner.id);
    expect(snapshot.deploys.map((deploy) => deploy.context)).toEqual(["deploy-preview"]);
    expect(snapshot.sessions[0]?.is_published).toBe(true);
  });

  it("publish to production is refused on a GitHub site (422) and without a deploy (400)", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    expect(await apiError(client.runners.publishToProduction(runner.id))).toMatchObject({ status: 422 });
    const other = await contract.otherAccount("git-token-2", [
      { name: "hosted-git-2", code_origin: "netlify-git" },
    ]);
    await contract.forceSessions("error");
    const failed = await other.client.runners.create({ siteId: other.siteIds[0] ?? "", prompt: "Break it" });
    await contract.finishSessions();
    const noDeploy = await apiError(other.client.runners.publishToProduction(failed.id));
    expect(noDeploy).toMatchObject({ status: 400, message: "There is no deploy to publish" });
  });

  it("creates from a deploy that exists on the site, and refuses one that does not with 422", async () => {
    const { client } = contract;
    const siteId = await contract.siteId("docs-portal");
    const finished = await contract.finishedRunner("docs-portal");
    const [session] = await client.sessions.listAll(finished.id);
    const fromDeploy = await client.runners.create({
      siteId,
      prompt: "Tweak it",
      deployId: session?.deploy_id ?? "",
    });
    expect(fromDeploy).toMatchObject({ base_deploy_id: session?.deploy_id, state: "running" });
    const missing = await apiError(
      client.runners.create({ siteId, prompt: "Tweak it", deployId: "0".repeat(24) }),
    );
    expect(missing).toMatchObject({
      status: 422,
      message: "The deploy to start from does not exist on this site",
    });
    expect(describeNetlifyError(missing)).toContain("does not exist");
    const otherSite = await contract.siteId("aurora-storefront");
    const foreign = await apiError(
      client.runners.create({ siteId: otherSite, prompt: "Tweak it", deployId: session?.deploy_id ?? "" }),
    );
    expect(foreign.status).toBe(422);
  });

  it("POST /sites/{site_id}/agent_runners is the same call as POST /agent_runners?site_id= (201 here, 200 there)", async () => {
    const { client } = contract;
    const siteId = await contract.siteId("field-notes-blog");
    const onSite = await client.runners.createOnSite({ siteId, prompt: "Add an RSS feed", agent: "gemini" });
    expect(await contract.loggedStatus("POST", `/sites/${siteId}/agent_runners`)).toBe(201);
    const legacy = await client.runners.create({ siteId, prompt: "Add an RSS feed", agent: "gemini" });
    expect(await contract.loggedStatus("POST", "/agent_runners")).toBe(200);
    const shape = (runner: typeof onSite) => ({ ...runner, id: "", created_at: "", updated_at: "", sha: "" });
    expect(Object.keys(onSite).sort()).toEqual(Object.keys(legacy).sort());
    expect({ ...shape(onSite), last_session_created_at: "", active_session_created_at: "" }).toEqual({
      ...shape(legacy),
      last_session_created_at: "",
      active_session_created_at: "",
    });
    expect(
      await apiError(client.runners.createOnSite({ siteId: "no-such-site", prompt: "Hi" })),
    ).toMatchObject({
      status: 404,
    });
    expect(await apiError(client.runners.createOnSite({ siteId, prompt: "" }))).toMatchObject({
      status: 400,
    });
  });

  it('mode "ask" answers in Markdown with no diff and no deploy preview', async () => {
    const { client } = contract;
    await contract.forceSessions("done");
    const runner = await client.runners.create({
      siteId: await contract.siteId("aurora-storefront"),
      prompt: "Where does the contact form post to?",
      mode: "ask",
    });
    await contract.finishSessions();
    const [session] = await client.sessions.listAll(runner.id);
    expect(session).toMatchObject({
      mode: "ask",
      state: "done",
      has_result_diff: false,
      has_cumulative_diff: false,
      deploy_id: null,
      deploy_url: null,
    });
    expect(session?.result).toMatch(/^# /);
    expect(await client.runners.get(runner.id)).toMatchObject({
      has_result_diff: false,
      preview_state: null,
    });
    expect(await apiError(client.runners.diff(runner.id))).toMatchObject({ status: 404 });
    expect((await client.runners.snapshot(runner.id)).deploys).toEqual([]);
  });

  it("a redeploy session's has_cumulative_diff agrees with its diff endpoints, before and after it finishes", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    const [source] = await client.sessions.listAll(runner.id);
    await contract.forceSessions("done");
    const redeploy = await client.sessions.redeploy(runner.id, source?.id ?? "");
    const agree = async (expected: boolean) => {
      const session = await client.sessions.get(runner.id, redeploy.id);
      expect(session.has_cumulative_diff).toBe(expected);
      expect(session.has_result_diff).toBe(false);
      const cumulative = client.sessions.cumulativeDiff(runner.id, redeploy.id);
      if (expected)
        expect(await cumulative).toBe(await client.sessions.cumulativeDiff(runner.id, source?.id ?? ""));
      else expect(await apiError(cumulative)).toMatchObject({ status: 404 });
      expect(await apiError(client.sessions.resultDiff(runner.id, redeploy.id))).toMatchObject({
        status: 404,
      });
    };
    await agree(false);
    await contract.finishSessions();
    await agree(true);
  });

  it("a runner in a state upstream adds later is listed and read with its raw state", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    await contract.control("POST", `/__sim/runners/${runner.id}/state`, { state: "awaiting_review" });
    expect(await client.runners.get(runner.id)).toMatchObject({
      state: "awaiting_review",
      latest_session_state: "awaiting_review",
    });
    const listed = await client.runners.listAll({ siteId: runner.site_id });
    expect(listed.find((candidate) => candidate.id === runner.id)?.state).toBe("awaiting_review");
    await contract.control("POST", `/__sim/runners/${runner.id}/state`, { state: null });
    expect((await client.runners.get(runner.id)).state).toBe("done");
  });
});
