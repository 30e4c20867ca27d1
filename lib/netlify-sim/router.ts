import type { HttpMethod } from "@/lib/netlify/config";
import { compileEndpoints, matchEndpoint } from "@/lib/netlify/endpoint-match";
import { type EndpointName, endpointList } from "@/lib/netlify/endpoints";
import type { SimContext, SimResponse } from "./http";
import * as attachments from "./routes/attachments";
import * as actions from "./routes/runner-actions";
import * as runners from "./routes/runners";
import * as sessions from "./routes/sessions";
import * as sites from "./routes/sites";

export type SimHandler = (ctx: SimContext) => SimResponse | Promise<SimResponse>;

/**
 * One handler per endpoint of the manifest (lib/netlify/endpoints.ts): an endpoint added there
 * without a handler here, or a handler for one it does not list, fails to compile.
 */
const handlers: Record<EndpointName, SimHandler> = {
  listRunners: runners.listRunners,
  createRunner: runners.createRunner,
  createUploadUrl: attachments.createUploadUrl,
  createDeleteUrl: attachments.createDeleteUrl,
  getRunner: runners.getRunner,
  updateRunner: runners.updateRunner,
  stopRunner: runners.stopRunner,
  archiveRunner: runners.archiveRunner,
  getRunnerSnapshot: runners.getSnapshot,
  publishRunner: actions.publishRunner,
  revertRunner: actions.revertRunner,
  rebaseRunner: actions.rebaseRunner,
  getRunnerDiff: actions.runnerDiff,
  createPullRequest: actions.createPullRequest,
  commitRunner: actions.commitRunner,
  listSessions: sessions.listSessions,
  createSession: sessions.createSession,
  getSession: sessions.getSession,
  updateSession: sessions.updateSession,
  stopSession: sessions.stopGivenSession,
  redeploySession: sessions.redeploySession,
  answerSession: sessions.answerSession,
  getSessionResultDiff: sessions.sessionResultDiff,
  getSessionCumulativeDiff: sessions.sessionCumulativeDiff,
  createSessionDiffUploadUrls: sessions.sessionDiffUploadUrls,
  listSites: sites.listSites,
  getSite: sites.getSite,
  createSiteRunner: runners.createSiteRunner,
  getCurrentUser: sites.getCurrentUser,
  listAccounts: sites.listAccounts,
};

const templates = compileEndpoints(endpointList);

export type RouteMatch =
  | { kind: "found"; handler: SimHandler; params: Record<string, string> }
  | { kind: "method_not_allowed"; allow: HttpMethod[] }
  | { kind: "not_found" };

/** The handler for a path relative to /api/v1, matched exactly as the proxy matches it. */
export function matchRoute(method: string, path: string): RouteMatch {
  const match = matchEndpoint(templates, method, path);
  if (match.kind !== "found") return match;
  return { kind: "found", handler: handlers[match.endpoint.name], params: match.params };
}
