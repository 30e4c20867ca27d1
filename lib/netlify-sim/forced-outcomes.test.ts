import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NetlifySimulator, startSimulator } from "./server";

describe("forced outcomes meant for one run", () => {
  let simulator: NetlifySimulator;
  let siteId: string;

  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${simulator.origin}${path}`, {
      method,
      headers: { authorization: "Bearer forced-token", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return answer.status === 204 ? {} : ((await answer.json()) as Record<string, unknown>);
  };
  const start = (prompt: string) => call("POST", `/api/v1/sites/${siteId}/agent_runners`, { prompt });
  const stateOf = async (runner: Record<string, unknown>) =>
    (await call("GET", `/api/v1/agent_runners/${String(runner.id)}`)).state;

  beforeAll(async () => {
    simulator = await startSimulator({ token: "forced-token", speed: 0 });
    siteId = [...simulator.store.sites.keys()][0] ?? "";
  });
  afterAll(() => simulator?.stop());

  it("go to the run whose first prompt holds the text, whatever starts before it", async () => {
    await call("POST", "/__sim/outcomes", { sessions: ["done", "error"], prompt_includes: "banner" });
    await call("POST", "/__sim/outcomes", { sessions: ["question"] });

    const other = await start("Tidy the footer links");
    const meant = await start("Recolour the banner");
    await call("POST", "/__sim/clock", { advance_ms: 200_000 });
    expect(await stateOf(other)).toBe("await_input");
    expect(await stateOf(meant)).toBe("done");

    // A follow-up matches by the run's first prompt, not by its own.
    const followUp = await call("POST", `/api/v1/agent_runners/${String(meant.id)}/sessions`, {
      prompt: "Use the brand colours",
    });
    expect(followUp).toHaveProperty("id");
    await call("POST", "/__sim/clock", { advance_ms: 200_000 });
    expect(await stateOf(meant)).toBe("error");
    expect((await call("GET", "/__sim/outcomes")).sessions).toEqual([]);
  });

  it("go to the one runner named, even before a run of the same prompt", async () => {
    await call("DELETE", "/__sim/outcomes");
    await call("POST", "/__sim/outcomes", { sessions: ["done", "done"] });
    const [first, second] = [await start("Tidy the blog index"), await start("Tidy the blog index")];
    await call("POST", "/__sim/clock", { advance_ms: 200_000 });
    await call("POST", "/__sim/outcomes", { sessions: ["error"], runner_id: second.id });
    await call("POST", "/__sim/outcomes", { sessions: ["done"] });
    for (const runner of [first, second])
      await call("POST", `/api/v1/agent_runners/${String(runner.id)}/sessions`, {
        prompt: "Also the archive",
      });
    await call("POST", "/__sim/clock", { advance_ms: 200_000 });
    expect(await stateOf(first)).toBe("done");
    expect(await stateOf(second)).toBe("error");
  });

  it("stay queued while no run of that prompt comes", async () => {
    await call("DELETE", "/__sim/outcomes");
    await call("POST", "/__sim/outcomes", { pull_requests: ["error"], prompt_includes: "nowhere" });
    await start("Tidy the header links");
    expect((await call("GET", "/__sim/outcomes")).pullRequests).toEqual([
      { outcome: "error", runnerId: null, promptIncludes: "nowhere" },
    ]);
  });
});
