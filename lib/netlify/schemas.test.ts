import { describe, expect, it } from "vitest";
import { netlifyRunnerSchema } from "./schemas";

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

  it("turns an unknown pr_state or latest_session_state into null instead of rejecting the runner", () => {
    const parsed = netlifyRunnerSchema.parse({
      ...runner,
      pr_state: "queued",
      latest_session_state: "paused",
    });
    expect(parsed.pr_state).toBeNull();
    expect(parsed.latest_session_state).toBeNull();
  });

  it("rejects an unknown runner state and a timestamp without a zone", () => {
    expect(netlifyRunnerSchema.safeParse({ ...runner, state: "paused" }).success).toBe(false);
    expect(netlifyRunnerSchema.safeParse({ ...runner, created_at: "2026-01-24 12:33" }).success).toBe(false);
  });
});
