import { describe, expect, it } from "vitest";
import { spawnScript } from "./testing/run-script";

describe("npm run sim", () => {
  it("serves the demo account to its token and refuses others", async () => {
    const child = spawnScript(["scripts/sim.ts", "--port", "0", "--token", "t"]);
    try {
      const apiUrl = await new Promise<string>((resolve, reject) => {
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.on("exit", (code) => reject(new Error(`sim exited with ${code}`)));
      });
      const sites = await fetch(`${apiUrl}/sites`, { headers: { Authorization: "Bearer t" } });
      expect(sites.status).toBe(200);
      expect(((await sites.json()) as Array<{ name: string }>).map((site) => site.name).sort()).toEqual([
        "aurora-storefront",
        "docs-portal",
        "field-notes-blog",
      ]);
      const team = await fetch(apiUrl.replace(/\/api\/v1$/, "/__sim/team"));
      expect(await team.json()).toMatchObject({
        enabled: true,
        members: [{ full_name: "Dana Demo" }, {}, {}],
      });
      const refused = await fetch(`${apiUrl}/sites`, { headers: { Authorization: "Bearer other" } });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error: "Unauthorized" });
    } finally {
      child.kill();
    }
  });

  it.each([
    ["an unknown flag", ["--sped", "3"]],
    ["a team setting other than on or off", ["--team", "maybe"]],
  ])("rejects %s with usage and exit code 2", async (_, flags) => {
    const child = spawnScript(["scripts/sim.ts", ...flags]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run sim/);
  });
});
