import { afterEach, describe, expect, it } from "vitest";
import { ARCHIVED_RUN_LIMIT, LIVE_RUN_LIMIT } from "./retention";
import { type NetlifySimulator, startSimulator } from "./server";

const MINUTE = 60_000;
const token = "team-token";

interface TeamStatus {
  enabled: boolean;
  members: Array<{ full_name: string }>;
  runs_on_board: number;
  runs_by_state: Record<string, number>;
  activity: Record<string, number>;
}

async function control<T>(sim: NetlifySimulator, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sim.origin}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}`).toBe(200);
  return (await response.json()) as T;
}

const advance = (sim: NetlifySimulator, ms: number) =>
  control(sim, "POST", "/__sim/clock", { advance_ms: ms });
const team = (sim: NetlifySimulator) => control<TeamStatus>(sim, "GET", "/__sim/team");

/** Every runner of the demo account as the API lists it, archived ones included: id, state and creator. */
async function listed(sim: NetlifySimulator): Promise<string[]> {
  const rows: string[] = [];
  for (const site of sim.store.sites.values()) {
    for (const state of ["", "archived"]) {
      for (let page = 1; ; page++) {
        const query = new URLSearchParams({ site_id: site.id, page: String(page), per_page: "100" });
        if (state) query.set("state", state);
        const response = await fetch(`${sim.apiUrl}/agent_runners?${query}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const runners = (await response.json()) as Array<{
          id: string;
          state: string;
          user: { full_name: string };
        }>;
        rows.push(...runners.map((runner) => `${runner.id} ${runner.state} ${runner.user.full_name}`));
        if (runners.length < 100) break;
      }
    }
  }
  return rows.sort();
}

describe("the demo team", () => {
  const started: NetlifySimulator[] = [];
  const simulator = async () => {
    const sim = await startSimulator({ token, seed: "demo", speed: 0, team: true });
    started.push(sim);
    return sim;
  };
  afterEach(async () => {
    await Promise.all(started.splice(0).map((sim) => sim.stop()));
  });

  it("keeps the demo alive for an hour: a question waits within five minutes, new runs every ten minutes, bounded data", async () => {
    const sim = await simulator();
    const first = await team(sim);
    expect(first.members.map((member) => member.full_name)).toEqual([
      "Dana Demo",
      "Priya Patel",
      "Marco Rossi",
    ]);
    const samples: Array<{ minute: number; started: number; byState: Record<string, number> }> = [];
    let waitingOnDemoUserBy: number | undefined;
    for (let minute = 1; minute <= 65; minute++) {
      await advance(sim, MINUTE);
      const rows = await listed(sim);
      if (waitingOnDemoUserBy === undefined && rows.some((row) => row.endsWith("await_input Dana Demo")))
        waitingOnDemoUserBy = minute;
      const status = await team(sim);
      expect(status.runs_on_board).toBeLessThanOrEqual(LIVE_RUN_LIMIT);
      if (minute % 5 === 0)
        samples.push({ minute, started: status.activity.runs_started ?? 0, byState: status.runs_by_state });
    }
    expect(waitingOnDemoUserBy).toBeLessThanOrEqual(5);
    for (let i = 2; i < samples.length; i += 2) {
      const tenMinutesAgo = samples[i - 2]?.started ?? 0;
      expect(samples[i]?.started, `runs started by minute ${samples[i]?.minute}`).toBeGreaterThan(
        tenMinutesAgo,
      );
    }
    const last = await team(sim);
    expect(last.activity.runs_started).toBeGreaterThanOrEqual(20);
    for (const kind of ["follow_ups", "pull_requests", "merged", "answered"])
      expect(last.activity[kind], kind).toBeGreaterThan(0);
    expect(last.runs_by_state.error ?? 0).toBeGreaterThan(0);
  });

  it("stays bounded over a day: old finished runs are archived, the oldest archived ones forgotten", async () => {
    const sim = await simulator();
    for (let hour = 1; hour <= 24; hour++) {
      await advance(sim, 60 * MINUTE);
      const status = await team(sim);
      expect(status.runs_on_board).toBeLessThanOrEqual(LIVE_RUN_LIMIT);
      expect(sim.store.runners.size).toBeLessThanOrEqual(LIVE_RUN_LIMIT + ARCHIVED_RUN_LIMIT);
      expect(sim.store.sessions.size).toBeLessThan(10 * (LIVE_RUN_LIMIT + ARCHIVED_RUN_LIMIT));
    }
    const status = await team(sim);
    expect(status.activity.archived).toBeGreaterThan(0);
    expect(status.activity.forgotten).toBeGreaterThan(0);
    // Questions to the demo user wait for the person, but never more than three at once.
    const waiting = (await listed(sim)).filter((row) => row.endsWith("await_input Dana Demo"));
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.length).toBeLessThanOrEqual(3);
  });

  it("is deterministic: the same seed gives the same history, however often the clock is read", async () => {
    const minuteByMinute = await simulator();
    const oneJump = await simulator();
    for (let minute = 0; minute < 45; minute++) await advance(minuteByMinute, MINUTE);
    await advance(oneJump, 45 * MINUTE);
    expect((await team(oneJump)).activity).toEqual((await team(minuteByMinute)).activity);
    expect(await listed(oneJump)).toEqual(await listed(minuteByMinute));
  });

  it("works within the team's credits and its cap of active runs", async () => {
    const sim = await simulator();
    // The demo user's personal limit is 0: the colleagues go on, nothing starts in Dana's name.
    await control(sim, "PUT", "/__sim/credits", { user_limit: 0 });
    const since = sim.store.clock.now();
    await advance(sim, 30 * MINUTE);
    const dana = sim.store.team?.demoUser.id;
    const started = [...sim.store.runners.values()].filter((runner) => runner.createdAt >= since);
    expect(started.length).toBeGreaterThan(5);
    expect(started.filter((runner) => runner.user.id === dana)).toEqual([]);

    // The team is out of credits, then at its cap: nobody starts anything.
    for (const limits of [
      { user_limit: null, team_limit: 0 },
      { team_limit: null, max_active_runs: 0 },
    ]) {
      await control(sim, "PUT", "/__sim/credits", limits);
      const before = (await team(sim)).activity;
      await advance(sim, 30 * MINUTE);
      const after = (await team(sim)).activity;
      expect(after.runs_started).toBe(before.runs_started);
      expect(after.follow_ups).toBe(before.follow_ups);
    }
  });

  it("keeps the team setting across resets unless a reset says otherwise, and answers 404 to malformed control paths", async () => {
    const sim = await simulator();
    await control(sim, "POST", "/__sim/reset", { seed: "demo", team: false });
    await control(sim, "POST", "/__sim/reset", { seed: "demo" });
    expect((await team(sim)).enabled).toBe(false);
    for (const path of ["/__sim/runners/%E0%A4%A/state", "/__sim/sites/%/production_deploy"]) {
      const response = await fetch(`${sim.origin}${path}`, { method: "POST", body: "{}" });
      expect(response.status, path).toBe(404);
    }
  });

  it("can be paused through /__sim/team, and is off unless asked for outside the demo seed", async () => {
    const sim = await simulator();
    const paused = await control<TeamStatus>(sim, "PUT", "/__sim/team", { enabled: false });
    expect(paused.enabled).toBe(false);
    await advance(sim, 30 * MINUTE);
    expect((await team(sim)).activity.runs_started).toBe(0);

    const empty = await startSimulator({ token, seed: "empty", speed: 0 });
    started.push(empty);
    expect(await team(empty)).toEqual({ enabled: false, members: [] });
  });
});
