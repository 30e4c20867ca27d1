import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/db/migrate";
import { runners, sessions, sites } from "@/db/schema";
import { storageBackends, type TestDatabase } from "@/db/testing/backends";
import { netlifySessionSchema } from "@/lib/netlify/schemas";
import { sessionRow } from "./session-row";

// A session as the wire sends it (research notes §5 and §7.2): waiting on the person, one question answered.
const wire = {
  id: "6790a0c1e4b0a1b2c3d4e5f7",
  agent_runner_id: "6790a0c1e4b0a1b2c3d4e5f6",
  created_at: "2026-11-05T13:24:47.649Z",
  updated_at: "2026-11-05T13:29:16.040Z",
  title: "Add a contact form",
  prompt: "Add a contact form to the home page",
  agent_config: { agent: "claude", model: "claude-sonnet-4-5", effort: "high" },
  result: null,
  duration: 255706,
  steps: [
    { title: "Configuring environment" },
    { message: "I will start by reading the pages", id: 0 },
    { title: "Read `src/pages/index.astro`", id: 1 },
  ],
  steps_count: 3,
  state: "await_input",
  done_at: null,
  result_zip_file_name: null,
  commit_sha: null,
  attached_file_keys: [],
  is_published: false,
  is_discarded: false,
  has_result_diff: false,
  has_cumulative_diff: false,
  mode: "normal",
  dev_server_id: "dev-1",
  current_task: "Waiting for your answer",
  deploy_id: null,
  deploy_url: null,
  credit_limit_exceeded: false,
  credit_limit_exceeded_message: null,
  interrupt_reason: null,
  interactions: {
    "ref-1": {
      type: "question",
      status: "answered",
      payload: [{ question: "Where should the form send mail?", options: ["support@", "sales@"] }],
      response: ["support@"],
      created_at: "2026-11-05T13:26:00.000Z",
      answered_at: "2026-11-05T13:27:00.000Z",
    },
    "ref-2": {
      type: "question",
      status: "pending",
      payload: [{ question: "Which fields?", options: ["Name", "Email", "Phone"], multi_select: true }],
      created_at: "2026-11-05T13:29:00.000Z",
    },
  },
  usage: { total_tokens: 120_000, total_credits_cost: 3.5 },
  user: { id: "u1", full_name: "Example User", email: "user@example.com", avatar_url: null },
};

const syncedAt = new Date("2026-11-05T13:30:00.000Z");

describe("sessionRow", () => {
  it("maps every column of a realistic session, the November 2026 fields included", () => {
    const session = netlifySessionSchema.parse(wire);
    expect(sessionRow(session, syncedAt)).toEqual({
      id: wire.id,
      runnerId: wire.agent_runner_id,
      state: "await_input",
      mode: "normal",
      title: "Add a contact form",
      prompt: "Add a contact form to the home page",
      result: null,
      agent: "claude",
      model: "claude-sonnet-4-5",
      currentTask: "Waiting for your answer",
      durationMs: 255706,
      stepsCount: 3,
      deployId: null,
      deployUrl: null,
      commitSha: null,
      sourceSessionId: null,
      isDiscarded: false,
      isPublished: false,
      hasResultDiff: false,
      hasCumulativeDiff: false,
      interruptReason: null,
      creditLimitExceededMessage: null,
      interactions: session.interactions,
      upstreamCreatedAt: new Date("2026-11-05T13:24:47.649Z"),
      upstreamUpdatedAt: new Date("2026-11-05T13:29:16.040Z"),
      doneAt: null,
      upstream: session,
      syncedAt,
    });
  });

  it("reads an interrupted session's reason and a redeploy session's empty agent config", () => {
    const interrupted = sessionRow(
      netlifySessionSchema.parse({
        ...wire,
        state: "interrupted",
        done_at: "2026-11-05T13:31:00.000Z",
        interrupt_reason: "credit_limit",
        credit_limit_exceeded: true,
        credit_limit_exceeded_message: "Your team has run out of AI credits.",
        interactions: undefined,
      }),
      syncedAt,
    );
    expect(interrupted).toMatchObject({
      state: "interrupted",
      interruptReason: "credit_limit",
      creditLimitExceededMessage: "Your team has run out of AI credits.",
      interactions: {},
      doneAt: new Date("2026-11-05T13:31:00.000Z"),
    });
    const { steps_count: _count, ...withoutCount } = wire;
    const redeploy = sessionRow(
      netlifySessionSchema.parse({
        ...withoutCount,
        mode: "redeploy",
        agent_config: {},
        source_session_id: "s0",
        steps: [],
      }),
      syncedAt,
    );
    expect(redeploy).toMatchObject({ mode: "redeploy", agent: null, model: null, sourceSessionId: "s0" });
    expect(redeploy.stepsCount).toBe(0);
  });

  describe("in the database", () => {
    let database: TestDatabase;
    beforeAll(async () => {
      const embedded = storageBackends()[0];
      if (!embedded) throw new Error("the embedded back end is always available");
      database = await embedded.create();
      await migrate(database.handle.db);
    });
    afterAll(() => database?.dispose());

    it("stores a session in a state the app does not know, with its interactions, as sent", async () => {
      const { db } = database.handle;
      await db.insert(sites).values({ id: "site1", name: "aurora", accountId: "a1" });
      await db.insert(runners).values({
        id: wire.agent_runner_id,
        siteId: "site1",
        state: "await_input",
        upstreamCreatedAt: syncedAt,
        upstreamUpdatedAt: syncedAt,
      });
      const session = netlifySessionSchema.parse({ ...wire, state: "suspended" });
      await db.insert(sessions).values(sessionRow(session, syncedAt));
      const [stored] = await db.select().from(sessions).where(eq(sessions.id, wire.id));
      expect(stored?.state).toBe("suspended");
      expect(stored?.interactions).toEqual(session.interactions);
    });
  });
});
