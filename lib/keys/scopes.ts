import { type ApiKeyScope, apiKeyScopes, type UserRole } from "@/db/schema";

/*
 * What each scope lets a key do, how risky that is, and who may grant it. Security invariant:
 * a key never carries a scope its creator lacks, on every path that mints one (Settings, the
 * API, the CLI); `checkRequestedScopes` is the one place that rule lives.
 */

export type ScopeRisk = "Low" | "Medium" | "High";

export const scopeDetails: Record<ApiKeyScope, { risk: ScopeRisk; summary: string }> = {
  "agent_runners:read": {
    risk: "Low",
    summary: "See the site's agent runs, their sessions, diffs and deploy previews",
  },
  "agent_runners:write": {
    risk: "Medium",
    summary:
      "Start runs, send follow-ups, answer the agent's questions, stop, revert, rebase and archive runs, and upload attachments",
  },
  "agent_runners:deploy": {
    risk: "High",
    summary: "Open pull requests, commit to branches, redeploy previews and publish to production",
  },
};

/**
 * The scopes a person with `role` holds on the sites they can use. Viewers only look; the
 * service token behind CLI-minted keys holds every scope.
 */
export function scopesHeldBy(role: UserRole | "service"): readonly ApiKeyScope[] {
  return role === "viewer" ? ["agent_runners:read"] : apiKeyScopes;
}

/** Viewers mint nothing, not even a read-only key: a key outlives the screen it was made on. */
export const mayMintKeys = (role: UserRole | "service") => role !== "viewer";

export type ScopeProblem =
  | { kind: "none" }
  | { kind: "unknown"; scope: string }
  | { kind: "duplicate"; scope: string }
  | { kind: "not_held"; scope: ApiKeyScope };

/** The first reason `requested` cannot go on a key minted by `role`, or undefined when it can. */
export function checkRequestedScopes(
  requested: readonly string[],
  role: UserRole | "service",
): ScopeProblem | undefined {
  if (requested.length === 0) return { kind: "none" };
  const seen = new Set<string>();
  const held = scopesHeldBy(role);
  for (const scope of requested) {
    if (!(apiKeyScopes as readonly string[]).includes(scope)) return { kind: "unknown", scope };
    if (seen.has(scope)) return { kind: "duplicate", scope };
    seen.add(scope);
    if (!held.includes(scope as ApiKeyScope) || !mayMintKeys(role))
      return { kind: "not_held", scope: scope as ApiKeyScope };
  }
  return undefined;
}

/** A scope problem as a sentence for the person who asked. */
export function describeScopeProblem(problem: ScopeProblem): string {
  switch (problem.kind) {
    case "none":
      return "Choose at least one scope.";
    case "unknown":
      return `"${problem.scope.slice(0, 60)}" is not a scope. Scopes are ${apiKeyScopes.join(", ")}.`;
    case "duplicate":
      return `${problem.scope} is listed twice.`;
    case "not_held":
      return `You cannot grant ${problem.scope}: a key can only carry scopes you hold yourself.`;
  }
}
