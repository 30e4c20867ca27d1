import type { z } from "zod";
import type { ApiKeyScope } from "@/db/schema/api-keys";
import type { HttpMethod } from "./config";
import {
  answerSessionBodySchema,
  commitRunnerBodySchema,
  createRunnerBodySchema,
  createSessionBodySchema,
  deleteUrlBodySchema,
  diffQuerySchema,
  listRunnersQuerySchema,
  listSessionsQuerySchema,
  revertRunnerBodySchema,
  updateRunnerBodySchema,
  updateSessionBodySchema,
  uploadUrlBodySchema,
} from "./request-schemas";

/** What an endpoint answers with; the proxy checks and streams by it, the OpenAPI document describes it. */
export type ResponseKind =
  | "runner"
  | "runners"
  | "session"
  | "sessions"
  | "snapshot"
  | "accepted"
  | "diff"
  | "upload_url"
  | "delete_url"
  | "diff_upload_urls"
  | "site"
  | "sites"
  | "user"
  | "accounts";

/**
 * How a call is tied to one site, which is how the proxy confines a key to its site:
 * `site_query` – Netlify takes `site_id` in the query (the proxy sets it from the key);
 * `account_body` – Netlify takes `account_id` in the body (the proxy sets the site's account);
 * `runner` – the path names a runner, whose site must be the key's (checked before forwarding).
 */
export type SiteBinding = "site_query" | "account_body" | "runner";

export interface EndpointDefinition {
  method: HttpMethod;
  /** Relative to `/api/v1` upstream and to `/api/proxy` on the proxy; `{name}` is a parameter. */
  path: string;
  summary: string;
  /** The scope a key needs, or null when the endpoint is not reachable through the proxy. */
  scope: ApiKeyScope | null;
  binding?: SiteBinding;
  query?: z.ZodType<Record<string, unknown>>;
  body?: z.ZodType;
  response: ResponseKind;
}

const read = "agent_runners:read";
const write = "agent_runners:write";
const deploy = "agent_runners:deploy";

/**
 * Every Netlify endpoint this project knows: the one list the simulator's router, the typed
 * client, the proxy's enforcement, the OpenAPI document and Settings' "this key can…" derive
 * from. Scopes: `read` for every GET; `write` for changes to runners and sessions; `deploy` for
 * what leaves the sandbox (pull requests, commits, redeploys, publishing). Nothing implies
 * anything else: a write-only key cannot read, and `write` never grants `deploy`.
 */
export const netlifyEndpoints = {
  listRunners: {
    method: "GET",
    path: "/agent_runners",
    summary: "List the site's runners, newest activity first",
    scope: read,
    binding: "site_query",
    query: listRunnersQuerySchema,
    response: "runners",
  },
  createRunner: {
    method: "POST",
    path: "/agent_runners",
    summary: "Start a runner with its first session",
    scope: write,
    binding: "site_query",
    body: createRunnerBodySchema,
    response: "runner",
  },
  createUploadUrl: {
    method: "POST",
    path: "/agent_runners/upload_url",
    summary: "Get a URL to upload a file to attach to a prompt",
    scope: write,
    binding: "account_body",
    body: uploadUrlBodySchema,
    response: "upload_url",
  },
  createDeleteUrl: {
    method: "POST",
    path: "/agent_runners/delete_url",
    summary: "Get a URL to delete an uploaded file",
    scope: write,
    binding: "account_body",
    body: deleteUrlBodySchema,
    response: "delete_url",
  },
  getRunner: {
    method: "GET",
    path: "/agent_runners/{runner_id}",
    summary: "Get a runner",
    scope: read,
    binding: "runner",
    response: "runner",
  },
  updateRunner: {
    method: "PATCH",
    path: "/agent_runners/{runner_id}",
    summary: "Rename a runner or change its base deploy",
    scope: write,
    binding: "runner",
    body: updateRunnerBodySchema,
    response: "runner",
  },
  stopRunner: {
    method: "DELETE",
    path: "/agent_runners/{runner_id}",
    summary: "Stop the runner's active session",
    scope: write,
    binding: "runner",
    response: "accepted",
  },
  archiveRunner: {
    method: "POST",
    path: "/agent_runners/{runner_id}/archive",
    summary: "Archive a runner",
    scope: write,
    binding: "runner",
    response: "accepted",
  },
  getRunnerSnapshot: {
    method: "GET",
    path: "/agent_runners/{runner_id}/snapshot",
    summary: "Get a runner with its sessions, questions and deploys in one call",
    scope: read,
    binding: "runner",
    response: "snapshot",
  },
  publishRunner: {
    method: "POST",
    path: "/agent_runners/{runner_id}/publish_to_production",
    summary: "Publish the runner's changes to production",
    scope: deploy,
    binding: "runner",
    response: "runner",
  },
  revertRunner: {
    method: "POST",
    path: "/agent_runners/{runner_id}/revert",
    summary: "Revert to a session, discarding the sessions after it",
    scope: write,
    binding: "runner",
    body: revertRunnerBodySchema,
    response: "runner",
  },
  rebaseRunner: {
    method: "POST",
    path: "/agent_runners/{runner_id}/rebase",
    summary: "Rebase the runner onto the latest production deploy",
    scope: write,
    binding: "runner",
    response: "session",
  },
  getRunnerDiff: {
    method: "GET",
    path: "/agent_runners/{runner_id}/diff",
    summary: "Get the runner's cumulative diff",
    scope: read,
    binding: "runner",
    query: diffQuerySchema,
    response: "diff",
  },
  createPullRequest: {
    method: "POST",
    path: "/agent_runners/{runner_id}/pull_request",
    summary: "Open a GitHub pull request from the runner's changes",
    scope: deploy,
    binding: "runner",
    response: "runner",
  },
  commitRunner: {
    method: "POST",
    path: "/agent_runners/{runner_id}/commit",
    summary: "Commit the runner's changes to a branch",
    scope: deploy,
    binding: "runner",
    body: commitRunnerBodySchema,
    response: "runner",
  },
  listSessions: {
    method: "GET",
    path: "/agent_runners/{runner_id}/sessions",
    summary: "List the runner's sessions, oldest first",
    scope: read,
    binding: "runner",
    query: listSessionsQuerySchema,
    response: "sessions",
  },
  createSession: {
    method: "POST",
    path: "/agent_runners/{runner_id}/sessions",
    summary: "Send a follow-up prompt",
    scope: write,
    binding: "runner",
    body: createSessionBodySchema,
    response: "session",
  },
  getSession: {
    method: "GET",
    path: "/agent_runners/{runner_id}/sessions/{session_id}",
    summary: "Get a session",
    scope: read,
    binding: "runner",
    response: "session",
  },
  updateSession: {
    method: "PATCH",
    path: "/agent_runners/{runner_id}/sessions/{session_id}",
    summary: "Rename a session or mark it published",
    scope: write,
    binding: "runner",
    body: updateSessionBodySchema,
    response: "session",
  },
  stopSession: {
    method: "DELETE",
    path: "/agent_runners/{runner_id}/sessions/{session_id}",
    summary: "Stop a session",
    scope: write,
    binding: "runner",
    response: "accepted",
  },
  redeploySession: {
    method: "POST",
    path: "/agent_runners/{runner_id}/sessions/{session_id}/redeploy",
    summary: "Rebuild a session's deploy preview without running the agent",
    scope: deploy,
    binding: "runner",
    response: "session",
  },
  answerSession: {
    method: "POST",
    path: "/agent_runners/{runner_id}/sessions/{session_id}/answers",
    summary: "Answer or skip the agent's pending question",
    scope: write,
    binding: "runner",
    body: answerSessionBodySchema,
    response: "session",
  },
  getSessionResultDiff: {
    method: "GET",
    path: "/agent_runners/{runner_id}/sessions/{session_id}/diff/result",
    summary: "Get the diff one session made",
    scope: read,
    binding: "runner",
    response: "diff",
  },
  getSessionCumulativeDiff: {
    method: "GET",
    path: "/agent_runners/{runner_id}/sessions/{session_id}/diff/cumulative",
    summary: "Get the diff of every session up to this one",
    scope: read,
    binding: "runner",
    response: "diff",
  },
  createSessionDiffUploadUrls: {
    method: "POST",
    path: "/agent_runners/{runner_id}/sessions/{session_id}/diff/upload_urls",
    summary: "Get URLs to upload a session's diffs",
    scope: write,
    binding: "runner",
    response: "diff_upload_urls",
  },
  // Account-wide endpoints: the app signs in and lists sites with them; a site key reaches none.
  listSites: { method: "GET", path: "/sites", summary: "List sites", scope: null, response: "sites" },
  getSite: { method: "GET", path: "/sites/{site_id}", summary: "Get a site", scope: null, response: "site" },
  createSiteRunner: {
    method: "POST",
    path: "/sites/{site_id}/agent_runners",
    summary: "Start a runner on a site (the public form of create)",
    scope: null,
    body: createRunnerBodySchema,
    response: "runner",
  },
  getCurrentUser: {
    method: "GET",
    path: "/user",
    summary: "Get the token's user",
    scope: null,
    response: "user",
  },
  listAccounts: {
    method: "GET",
    path: "/accounts",
    summary: "List accounts",
    scope: null,
    response: "accounts",
  },
} as const satisfies Record<string, EndpointDefinition>;

export type EndpointName = keyof typeof netlifyEndpoints;
export type Endpoint = EndpointDefinition & { name: EndpointName };

export const endpointList: readonly Endpoint[] = Object.entries(netlifyEndpoints).map(
  ([name, definition]) => ({ ...definition, name: name as EndpointName }),
);

/** The endpoints a key can reach at all. */
export const proxiedEndpoints = endpointList.filter((endpoint) => endpoint.scope !== null);
