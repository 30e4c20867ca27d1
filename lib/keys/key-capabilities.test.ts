import { describe, expect, it } from "vitest";
import { apiKeyScopes } from "@/db/schema/api-keys";
import { proxiedEndpoints } from "@/lib/netlify/endpoints";
import { keyCapabilities } from "./key-capabilities";
import { scopeChoices } from "./key-choices";

const calls = (scopes: string[]) => keyCapabilities(scopes).map(({ method, path }) => `${method} ${path}`);

describe("what a key can call", () => {
  it("a read-only key can read the diff but not open a pull request, and only ever GETs", () => {
    const read = calls(["agent_runners:read"]);
    expect(read).toContain("GET /agent_runners/{runner_id}/diff");
    expect(read).not.toContain("POST /agent_runners/{runner_id}/pull_request");
    expect(read.every((call) => call.startsWith("GET "))).toBe(true);
  });

  it("no scope implies another: write reads nothing and deploys nothing", () => {
    const write = keyCapabilities(["agent_runners:write"]);
    expect(write.length).toBeGreaterThan(0);
    expect(write.every((call) => call.scope === "agent_runners:write")).toBe(true);
    expect(calls(["agent_runners:write"])).not.toContain("POST /agent_runners/{runner_id}/pull_request");
    expect(calls(["agent_runners:deploy"])).toContain("POST /agent_runners/{runner_id}/pull_request");
  });

  it("groups by scope in read, write, deploy order, each in manifest order, whatever order the key lists them", () => {
    const all = keyCapabilities(["agent_runners:deploy", "agent_runners:read", "agent_runners:write"]);
    const byScope = apiKeyScopes.flatMap((scope) =>
      proxiedEndpoints.filter((endpoint) => endpoint.scope === scope),
    );
    expect(all.map(({ scope, method, path, summary }) => ({ scope, method, path, summary }))).toEqual(
      byScope.map(({ scope, method, path, summary }) => ({ scope, method, path, summary })),
    );
    expect(all).toHaveLength(proxiedEndpoints.length);
  });

  it("grants nothing for no scope or an unknown one, and never an endpoint the proxy does not serve", () => {
    expect(keyCapabilities([])).toEqual([]);
    expect(keyCapabilities(["agent_runners:admin"])).toEqual([]);
    expect(calls([...apiKeyScopes]).some((call) => call.includes("/sites") || call.endsWith("/user"))).toBe(
      false,
    );
  });

  it("gives the mint dialog each scope's endpoints as plain strings", () => {
    for (const choice of scopeChoices()) {
      expect(choice.endpoints).toEqual(keyCapabilities([choice.scope]));
      expect(JSON.parse(JSON.stringify(choice.endpoints))).toEqual(choice.endpoints);
    }
  });
});
