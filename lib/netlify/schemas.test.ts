import { describe, expect, expectTypeOf, it } from "vitest";
import {
  isAuthorizationInteraction,
  isQuestionInteraction,
  type NetlifyQuestion,
  netlifyRunnerSchema,
  netlifySessionSchema,
  type RunnerStateOnWire,
} from "./schemas";
import { netlifyRunnerSnapshotSchema } from "./snapshot-schema";

const runner = {
  id: "65a1f0c2e4b0a1b2c3d4e5f6",
  site_id: "site",
  state: "done",
  created_at: "2026-01-24T12:33:34.171Z",
  updated_at: "2026-01-24T12:42:20.392Z",
};

describe("netlifyRunnerSchema", () => {
  it("keeps fields it does not know about", () => {
    expect(netlifyRunnerSchema.parse({ ...runner, brand_new_field: 42 })).toMatchObject({
      brand_new_field: 42,
    });
  });

  it("keeps a state Netlify adds later raw, in state and latest_session_state alike", () => {
    const parsed = netlifyRunnerSchema.parse({ ...runner, state: "paused", latest_session_state: "paused" });
    expect(parsed.state).toBe("paused");
    expect(parsed.latest_session_state).toBe("paused");
    expectTypeOf(parsed.state).toEqualTypeOf<RunnerStateOnWire>();
  });

  it("parses the November 2026 states and runner fields", () => {
    const parsed = netlifyRunnerSchema.parse({
      ...runner,
      state: "await_input",
      latest_session_state: "await_input",
      site_name: "aurora-storefront",
      publishing_state: "publishing",
      preview_state: null,
    });
    expect(parsed).toMatchObject({
      state: "await_input",
      publishing_state: "publishing",
      preview_state: null,
    });
    expect(netlifyRunnerSchema.parse({ ...runner, state: "interrupted" }).state).toBe("interrupted");
  });

  it("turns an unknown pr_state, or a latest_session_state that is not a state at all, into null", () => {
    const parsed = netlifyRunnerSchema.parse({ ...runner, pr_state: "queued", latest_session_state: 7 });
    expect(parsed.pr_state).toBeNull();
    expect(parsed.latest_session_state).toBeNull();
  });

  it("rejects an empty or missing state and a timestamp without a zone", () => {
    expect(netlifyRunnerSchema.safeParse({ ...runner, state: "" }).success).toBe(false);
    expect(netlifyRunnerSchema.safeParse({ ...runner, state: undefined }).success).toBe(false);
    expect(netlifyRunnerSchema.safeParse({ ...runner, created_at: "2026-01-24 12:33" }).success).toBe(false);
  });
});

const session = {
  id: "65a1f0c2e4b0a1b2c3d4e5f7",
  agent_runner_id: runner.id,
  state: "await_input",
  mode: "normal",
  created_at: "2026-11-05T09:00:00.000Z",
  updated_at: "2026-11-05T09:02:00.000Z",
};

const interactions = {
  "ref-question": {
    type: "question",
    status: "pending",
    payload: [
      { question: "Which payment provider?", options: ["Stripe", "Paddle"] },
      { question: "Which pages need the form?", options: ["Home", "Contact"], multi_select: true },
      { question: "Anything else?" },
    ],
    created_at: "2026-11-05T09:01:00.000Z",
  },
  "ref-answered": {
    type: "question",
    status: "answered",
    payload: [{ question: "Dark mode too?", options: ["Yes", "No"] }],
    response: ["Yes"],
    answered_at: "2026-11-05T09:01:30.000Z",
  },
  "ref-authorization": {
    type: "authorization",
    status: "skipped",
    payload: [{ provider: "github", message: "Connect GitHub to open a pull request" }],
    instruction: "Skip the pull request",
  },
};

describe("netlifySessionSchema", () => {
  it("parses interactions keyed by refId, and the guards narrow them by kind", () => {
    const parsed = netlifySessionSchema.parse({
      ...session,
      interrupt_reason: null,
      credit_limit_exceeded_message: null,
      interactions,
    });
    const question = parsed.interactions?.["ref-question"];
    if (!question || !isQuestionInteraction(question)) throw new Error("expected a question");
    expectTypeOf(question.payload).toEqualTypeOf<NetlifyQuestion[]>();
    expect(question.payload.map((item) => item.question)).toEqual([
      "Which payment provider?",
      "Which pages need the form?",
      "Anything else?",
    ]);
    expect(question.payload[1]?.multi_select).toBe(true);
    expect(parsed.interactions?.["ref-answered"]).toMatchObject({ status: "answered", response: ["Yes"] });
    const authorization = parsed.interactions?.["ref-authorization"];
    expect(authorization && isAuthorizationInteraction(authorization)).toBe(true);
    expect(authorization).toMatchObject({
      type: "authorization",
      payload: [{ provider: "github" }],
      instruction: "Skip the pull request",
    });
  });

  it("keeps an interaction kind or status Netlify adds later, with its payload as sent", () => {
    const parsed = netlifySessionSchema.parse({
      ...session,
      interactions: { "ref-new": { type: "approval", status: "expired", payload: [{ anything: 1 }] } },
    });
    expect(parsed.interactions?.["ref-new"]).toEqual({
      type: "approval",
      status: "expired",
      payload: [{ anything: 1 }],
    });
  });

  it("keeps the session readable when one interaction is malformed: that one becomes unreadable, not a question", () => {
    const good = { type: "question", status: "pending", payload: [{ question: "Which pages?" }] };
    for (const malformed of [
      { type: "question", status: "answered", payload: [{ options: ["a"] }] },
      { type: "question", status: "pending", payload: [{ question: "Pick", options: ["x", 1] }] },
      { type: "authorization", payload: "connect GitHub" },
      "not an object",
    ]) {
      const parsed = netlifySessionSchema.parse({ ...session, interactions: { bad: malformed, good } });
      const bad = parsed.interactions?.bad;
      expect(bad?.type).toBe("unreadable");
      expect(bad?.payload).toEqual([]);
      expect(bad && (isQuestionInteraction(bad) || isAuthorizationInteraction(bad))).toBe(false);
      expect(parsed.interactions?.good).toMatchObject({
        type: "question",
        payload: [{ question: "Which pages?" }],
      });
    }
    const answered = netlifySessionSchema.parse({
      ...session,
      interactions: { ref: { type: "question", status: "answered", payload: [{}] } },
    });
    expect(answered.interactions?.ref?.status).toBe("answered");
  });

  it("keeps a session state Netlify adds later raw and reads why a session was interrupted", () => {
    expect(netlifySessionSchema.parse({ ...session, state: "suspended" }).state).toBe("suspended");
    const interrupted = netlifySessionSchema.parse({
      ...session,
      state: "interrupted",
      interrupt_reason: "credit_limit",
      credit_limit_exceeded: true,
      credit_limit_exceeded_message: "The team ran out of AI credits.",
    });
    expect(interrupted).toMatchObject({ state: "interrupted", interrupt_reason: "credit_limit" });
  });
});

describe("netlifyRunnerSnapshotSchema", () => {
  it("parses a whole run, keeping an activity state Netlify adds later", () => {
    const parsed = netlifyRunnerSnapshotSchema.parse({
      state_version: 12,
      activity_state: "paused",
      agent_runner: { ...runner, state: "await_input" },
      sessions: [{ ...session, interactions }],
      deploys: [
        {
          id: "d1",
          state: "ready",
          deploy_ssl_url: "https://agent-1--aurora.netlify.app",
          context: "deploy-preview",
          error_message: null,
        },
      ],
    });
    expect(parsed).toMatchObject({ state_version: 12, activity_state: "paused", deploys: [{ id: "d1" }] });
    expect(parsed.sessions[0]?.interactions?.["ref-question"]?.status).toBe("pending");
  });

  it("rejects a snapshot without a whole-number state_version", () => {
    const base = { activity_state: "idle", agent_runner: runner, sessions: [], deploys: [] };
    expect(netlifyRunnerSnapshotSchema.safeParse({ ...base, state_version: 1.5 }).success).toBe(false);
    expect(netlifyRunnerSnapshotSchema.safeParse(base).success).toBe(false);
  });
});
