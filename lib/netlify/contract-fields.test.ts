import { describe, expect, it } from "vitest";
import {
  netlifyRunnerSchema,
  netlifySessionSchema,
  runnerFieldNames,
  runnerStates,
  sessionFieldNames,
  sessionModes,
  sessionStates,
} from "./schemas";
import { isoMillisZ, useContractSimulator } from "./testing/contract-fixture";

type WireObject = Record<string, unknown>;

const missingFields = (wire: WireObject, names: readonly string[]) => names.filter((name) => !(name in wire));

const runnerTimestamps = ["created_at", "updated_at", "done_at", "last_session_created_at"] as const;
const sessionTimestamps = ["created_at", "updated_at", "done_at"] as const;

/*
 * Field-list fixture tests: the raw JSON the simulator sends (not what the client's loose schemas
 * let through) must carry the live field sets recorded in schemas.ts, in Netlify's wire formats.
 */
describe("wire field lists: raw simulator JSON against the documented live field sets", () => {
  const contract = useContractSimulator();

  async function rawJson(path: string, method = "GET"): Promise<WireObject> {
    const response = await contract.raw(path, { method });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    return (await response.json()) as WireObject;
  }

  it("a finished runner with a deploy has every runnerFieldNames key plus latest_session_deploy_id/url", async () => {
    const finished = await contract.finishedRunner("aurora-storefront");
    const wire = await rawJson(`/agent_runners/${finished.id}`);

    expect(missingFields(wire, runnerFieldNames)).toEqual([]);
    expect(wire.latest_session_deploy_id).toEqual(expect.stringMatching(/^[0-9a-f]{24}$/));
    expect(wire.latest_session_deploy_url).toBe(
      `https://agent-${finished.id}--aurora-storefront.netlify.app`,
    );
    expect(wire).not.toHaveProperty("git_host");
    expect(wire).not.toHaveProperty("result_diff");
    expect(netlifyRunnerSchema.safeParse(wire).success).toBe(true);

    for (const name of runnerTimestamps) expect(wire[name], name).toMatch(isoMillisZ);
    expect(runnerStates).toContain(wire.state);
    expect(wire.state).toBe("done");
    expect(sessionStates).toContain(wire.latest_session_state);
    expect(wire.latest_session_mode).toBe("normal");
    expect(wire.code_origin).toBe("github");

    // Nullable fields are sent as null, not left out.
    for (const name of [
      "active_session_created_at",
      "base_deploy_id",
      "current_task",
      "merge_commit_error",
      "merge_commit_sha",
      "parent_agent_runner_id",
      "pr_branch",
      "pr_error",
      "pr_number",
      "pr_state",
      "pr_url",
      "result_branch",
    ]) {
      expect(wire[name], name).toBeNull();
    }
    expect(wire.attached_file_keys).toEqual([]);
    expect(wire.user).toEqual({
      id: expect.any(String),
      full_name: "Dana Demo",
      email: "dana@example.com",
      avatar_url: null,
    });
    expect(wire.contributors).toEqual([wire.user]);
  });

  it("a runner whose first session is still running leaves latest_session_deploy_* out and nulls done_at", async () => {
    const { client } = contract;
    const created = await client.runners.create({
      siteId: await contract.siteId("docs-portal"),
      prompt: "Fix the heading levels",
    });
    await contract.advance(1_500);
    const wire = await rawJson(`/agent_runners/${created.id}`);
    expect(missingFields(wire, runnerFieldNames)).toEqual([]);
    expect(wire).not.toHaveProperty("latest_session_deploy_id");
    expect(wire).not.toHaveProperty("latest_session_deploy_url");
    expect(wire).toMatchObject({
      state: "running",
      done_at: null,
      branch: null,
      sha: null,
      code_origin: "zip",
    });
    expect(wire.active_session_created_at).toMatch(isoMillisZ);
  });

  it("runners in a list carry the same field set as a single runner", async () => {
    const siteId = await contract.siteId("field-notes-blog");
    const response = await contract.raw(`/agent_runners?site_id=${siteId}&per_page=100`);
    const runners = (await response.json()) as WireObject[];
    expect(runners.length).toBeGreaterThan(3);
    for (const runner of runners) {
      expect(missingFields(runner, runnerFieldNames)).toEqual([]);
      expect(runner.state).toEqual(expect.stringMatching(/^[a-z]+$/));
      expect(runner.created_at).toMatch(isoMillisZ);
    }
  });

  it("a session has every sessionFieldNames key in wire formats, and no source_session_id unless redeployed", async () => {
    const finished = await contract.finishedRunner("aurora-storefront");
    const [listed] = (await contract.client.sessions.list(finished.id)).items;
    const wire = await rawJson(`/agent_runners/${finished.id}/sessions/${listed?.id}`);

    expect(missingFields(wire, sessionFieldNames)).toEqual([]);
    expect(wire).not.toHaveProperty("source_session_id");
    expect(wire).not.toHaveProperty("merge_commit_error");
    expect(netlifySessionSchema.safeParse(wire).success).toBe(true);
    for (const name of sessionTimestamps) expect(wire[name], name).toMatch(isoMillisZ);
    expect(wire).toMatchObject({ state: "done", mode: "normal", is_discarded: false, is_published: false });
    expect(sessionModes).toContain(wire.mode);
    expect(wire.duration).toEqual(expect.any(Number));
    expect(wire.steps_count).toBe((wire.steps as unknown[]).length);
    for (const name of [
      "commit_sha",
      "result_zip_file_name",
      "credit_limit_exceeded_message",
      "current_task",
    ]) {
      expect(wire[name], name).toBeNull();
    }
    expect(wire.usage).toMatchObject({
      total_tokens: expect.any(Number),
      total_credits_cost: expect.any(Number),
    });
  });

  it("a new session sends its not-yet-known fields as null", async () => {
    const { client } = contract;
    const runner = await client.runners.create({
      siteId: await contract.siteId("aurora-storefront"),
      prompt: "Add a cookie banner",
    });
    const [listed] = (await client.sessions.list(runner.id)).items;
    const wire = await rawJson(`/agent_runners/${runner.id}/sessions/${listed?.id}`);
    expect(missingFields(wire, sessionFieldNames)).toEqual([]);
    expect(wire).toMatchObject({ state: "running", duration: 0, interactions: {} });
    for (const name of [
      "result",
      "done_at",
      "deploy_id",
      "deploy_url",
      "commit_sha",
      "usage",
      "interrupt_reason",
      "credit_limit_exceeded_message",
    ]) {
      expect(wire[name], name).toBeNull();
    }
  });

  it("a redeploy session additionally carries source_session_id, with a null prompt and empty agent_config", async () => {
    const finished = await contract.finishedRunner("field-notes-blog");
    const [source] = (await contract.client.sessions.list(finished.id)).items;
    const wire = await rawJson(`/agent_runners/${finished.id}/sessions/${source?.id}/redeploy`, "POST");

    expect(missingFields(wire, sessionFieldNames)).toEqual([]);
    expect(wire).toMatchObject({
      source_session_id: source?.id,
      mode: "redeploy",
      state: "new",
      prompt: null,
      agent_config: {},
      title: null,
      result: null,
      done_at: null,
    });
    for (const name of sessionTimestamps.filter((field) => field !== "done_at")) {
      expect(wire[name], name).toMatch(isoMillisZ);
    }
    const listedAgain = await rawJson(`/agent_runners/${finished.id}/sessions/${wire.id}`);
    expect(listedAgain.source_session_id).toBe(source?.id);
  });
});
