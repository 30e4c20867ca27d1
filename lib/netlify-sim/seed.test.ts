import { describe, expect, it } from "vitest";
import { SimClock } from "./clock";
import { SimRandom } from "./random";
import { seedAccount, seedBulk } from "./seed";
import { runnerState } from "./serialize";
import { lastActivity, SimStore } from "./store";

describe("bulk seeding", () => {
  const seeded = (sessions?: number) => {
    const store = new SimStore(new SimClock(0), new SimRandom(7));
    const user = seedAccount(store, { token: "bulk" });
    const sites = seedBulk(store, user, { runners: 30, sites: 3, sessions });
    return { store, sites };
  };

  it("gives every runner the sessions asked for, all finished before now and in turn", () => {
    const { store, sites } = seeded(3);
    const all = sites.flatMap((site) => store.runnersBySite.get(site.id) ?? []);
    expect(all).toHaveLength(30);
    for (const runner of all) {
      expect(runner.sessions.map((session) => session.state)).toEqual(["done", "done", "done"]);
      expect(runnerState(runner)).toBe("done");
      runner.sessions.slice(1).forEach((session, index) => {
        const before = runner.sessions[index];
        expect(before?.doneAt ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(session.createdAt);
      });
      expect(runner.sessions.every((session) => (session.doneAt ?? 0) <= store.clock.now())).toBe(true);
    }
    // Runners keep the order they were made in: the latest activity is the last runner's.
    const byActivity = [...all].sort((a, b) => lastActivity(a) - lastActivity(b));
    expect(byActivity.map((runner) => runner.createdAt)).toEqual(
      [...all].map((runner) => runner.createdAt).sort((a, b) => a - b),
    );
  });

  it("makes one session per runner unless told", () => {
    const { store } = seeded();
    expect([...store.runners.values()].every((runner) => runner.sessions.length === 1)).toBe(true);
  });
});
