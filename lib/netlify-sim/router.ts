import type { SimContext, SimResponse } from "./http";
import * as attachments from "./routes/attachments";
import * as actions from "./routes/runner-actions";
import * as runners from "./routes/runners";
import * as sessions from "./routes/sessions";
import * as sites from "./routes/sites";

export type SimHandler = (ctx: SimContext) => SimResponse | Promise<SimResponse>;
type Methods = Partial<Record<"GET" | "POST" | "PATCH" | "PUT" | "DELETE", SimHandler>>;

/** Every endpoint of the API, relative to /api/v1. `:name` segments are parameters. */
const routes: Array<[string, Methods]> = [
  ["/agent_runners", { GET: runners.listRunners, POST: runners.createRunner }],
  ["/agent_runners/upload_url", { POST: attachments.createUploadUrl }],
  ["/agent_runners/delete_url", { POST: attachments.createDeleteUrl }],
  ["/agent_runners/:id", { GET: runners.getRunner, PATCH: runners.updateRunner, DELETE: runners.stopRunner }],
  ["/agent_runners/:id/archive", { POST: runners.archiveRunner }],
  ["/agent_runners/:id/snapshot", { GET: runners.getSnapshot }],
  ["/agent_runners/:id/publish_to_production", { POST: actions.publishRunner }],
  ["/agent_runners/:id/revert", { POST: actions.revertRunner }],
  ["/agent_runners/:id/rebase", { POST: actions.rebaseRunner }],
  ["/agent_runners/:id/diff", { GET: actions.runnerDiff }],
  ["/agent_runners/:id/pull_request", { POST: actions.createPullRequest }],
  ["/agent_runners/:id/commit", { POST: actions.commitRunner }],
  ["/agent_runners/:id/sessions", { GET: sessions.listSessions, POST: sessions.createSession }],
  [
    "/agent_runners/:id/sessions/:sid",
    { GET: sessions.getSession, PATCH: sessions.updateSession, DELETE: sessions.stopGivenSession },
  ],
  ["/agent_runners/:id/sessions/:sid/redeploy", { POST: sessions.redeploySession }],
  ["/agent_runners/:id/sessions/:sid/answers", { POST: sessions.answerSession }],
  ["/agent_runners/:id/sessions/:sid/diff/result", { GET: sessions.sessionResultDiff }],
  ["/agent_runners/:id/sessions/:sid/diff/cumulative", { GET: sessions.sessionCumulativeDiff }],
  ["/agent_runners/:id/sessions/:sid/diff/upload_urls", { POST: sessions.sessionDiffUploadUrls }],
  ["/sites", { GET: sites.listSites }],
  ["/sites/:id", { GET: sites.getSite }],
  ["/sites/:id/agent_runners", { POST: runners.createSiteRunner }],
  ["/user", { GET: sites.getCurrentUser }],
  ["/accounts", { GET: sites.listAccounts }],
];

const compiled = routes.map(([pattern, methods]) => ({ segments: pattern.split("/").slice(1), methods }));

export type RouteMatch =
  | { kind: "found"; handler: SimHandler; params: Record<string, string> }
  | { kind: "method_not_allowed"; allow: string }
  | { kind: "not_found" };

/** Literal segments win over parameters, so `/agent_runners/upload_url` is never read as a runner id. */
export function matchRoute(method: string, path: string): RouteMatch {
  const segments = path.split("/").slice(1);
  let best: { methods: Methods; params: Record<string, string>; literals: number } | undefined;
  for (const route of compiled) {
    if (route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const matches = route.segments.every((part, index) => {
      const actual = segments[index] ?? "";
      if (part.startsWith(":")) {
        if (!/^[A-Za-z0-9_-]+$/.test(actual)) return false;
        params[part.slice(1)] = actual;
        return true;
      }
      literals++;
      return part === actual;
    });
    if (matches && (!best || literals > best.literals)) best = { methods: route.methods, params, literals };
  }
  if (!best) return { kind: "not_found" };
  const handler = best.methods[method as keyof Methods];
  if (!handler) return { kind: "method_not_allowed", allow: Object.keys(best.methods).join(", ") };
  return { kind: "found", handler, params: best.params };
}
