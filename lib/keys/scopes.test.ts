import { describe, expect, it } from "vitest";
import { apiKeyScopes } from "@/db/schema";
import {
  checkRequestedScopes,
  describeScopeProblem,
  mayMintKeys,
  scopeDetails,
  scopesHeldBy,
} from "./scopes";

describe("scope rules", () => {
  it("labels every scope with its risk: read Low, write Medium, deploy High", () => {
    expect(Object.keys(scopeDetails).sort()).toEqual([...apiKeyScopes].sort());
    expect(apiKeyScopes.map((scope) => scopeDetails[scope].risk)).toEqual(["Low", "Medium", "High"]);
  });

  it("lets admins, members and the service token grant any subset of the three scopes", () => {
    for (const role of ["admin", "member", "service"] as const) {
      expect(mayMintKeys(role)).toBe(true);
      expect(checkRequestedScopes(["agent_runners:read"], role)).toBeUndefined();
      expect(checkRequestedScopes(["agent_runners:deploy", "agent_runners:write"], role)).toBeUndefined();
      expect(checkRequestedScopes([...apiKeyScopes], role)).toBeUndefined();
    }
  });

  it("never lets a viewer grant anything, not even the read scope a viewer holds", () => {
    expect(scopesHeldBy("viewer")).toEqual(["agent_runners:read"]);
    expect(mayMintKeys("viewer")).toBe(false);
    for (const scopes of [["agent_runners:read"], ["agent_runners:write"], [...apiKeyScopes]]) {
      expect(checkRequestedScopes(scopes, "viewer")).toMatchObject({ kind: "not_held" });
    }
  });

  it("refuses no scopes, unknown scopes and duplicates, each with a sentence", () => {
    const cases = [
      [[], { kind: "none" }],
      [["agent_runners:admin"], { kind: "unknown", scope: "agent_runners:admin" }],
      [["agent_runners:read", "AGENT_RUNNERS:READ"], { kind: "unknown", scope: "AGENT_RUNNERS:READ" }],
      [["agent_runners:read", "agent_runners:read"], { kind: "duplicate", scope: "agent_runners:read" }],
    ] as const;
    for (const [requested, problem] of cases) {
      const found = checkRequestedScopes(requested, "admin");
      expect(found, JSON.stringify(requested)).toEqual(problem);
      expect(describeScopeProblem(problem)).toMatch(/\.$/);
    }
    expect(describeScopeProblem({ kind: "unknown", scope: "x".repeat(10_000) }).length).toBeLessThan(200);
  });
});
