import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paddedDiff, splitDiff } from "./diffs";
import { type NetlifySimulator, startSimulator } from "./server";

describe("padded diffs for benchmarks", () => {
  it("is at most the size asked and short of it by less than a line per file, in files of 1 MiB", () => {
    const bytes = 3 * 1024 * 1024 + 12_345;
    const diff = paddedDiff(bytes);
    const files = splitDiff(diff);
    expect(files).toHaveLength(4);
    expect(files.every((file) => file.patch.length <= 1024 * 1024)).toBe(true);
    expect(diff.length).toBeLessThanOrEqual(bytes);
    expect(diff.length).toBeGreaterThan(bytes - files.length * 81);
  });

  describe("POST /__sim/runners/{id}/diff", () => {
    const token = "diff-token";
    let sim: NetlifySimulator;
    beforeAll(async () => {
      sim = await startSimulator({ token, seed: "demo", speed: 0, team: false });
    });
    afterAll(() => sim.stop());

    it("makes the runner's diff that large, as GET /agent_runners/{id}/diff sends it", async () => {
      const runner = [...sim.store.runners.values()].find((candidate) => candidate.sessions.length > 0);
      if (!runner) throw new Error("the demo seed has no runner with a session");
      const control = await fetch(`${sim.origin}/__sim/runners/${runner.id}/diff`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ bytes: 2_000_000 }),
      });
      const { bytes } = (await control.json()) as { bytes: number };
      expect(bytes).toBeGreaterThan(1_999_000);
      const answer = await fetch(`${sim.apiUrl}/agent_runners/${runner.id}/diff`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.status).toBe(200);
      expect((await answer.arrayBuffer()).byteLength).toBe(bytes);
    });

    it("refuses an unknown runner and a size past the cap", async () => {
      const post = (id: string, bytes: number) =>
        fetch(`${sim.origin}/__sim/runners/${id}/diff`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ bytes }),
        });
      expect((await post("missing", 10)).status).toBe(404);
      const runner = sim.store.runners.values().next().value;
      expect((await post(runner?.id ?? "", 1024 * 1024 * 1024)).status).toBe(400);
    });
  });
});
