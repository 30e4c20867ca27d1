import "server-only";
import type { NextRequest } from "next/server";
import { runAfterResponse } from "@/lib/http/after-response";
import type { ApiKeyGrant } from "@/lib/http/with-api-key";
import type { RequestScope } from "@/lib/http/with-route";
import { createNetlifyClient, netlifyConfigFor } from "@/lib/netlify/client";
import { netlifyRunnerSchema } from "@/lib/netlify/schemas";
import { send } from "@/lib/netlify/transport";
import { buildUrl } from "@/lib/netlify/url";
import { cacheRunner, refreshRunner } from "@/lib/sync/refresh-runner";
import { refreshWatchedSites, watchAfterWriteMs, watchSites } from "@/lib/sync/watch";
import { type UpstreamInput, upstreamInput } from "./call-input";
import type { ProxyCallPlan } from "./proxy-handler";
import { confirmRunnerSite } from "./runner-site";
import { answerFromUpstream } from "./upstream-answer";
import { upstreamTokenFor } from "./upstream-token";

type ProxyScope = RequestScope & ApiKeyGrant<ProxyCallPlan>;

/**
 * Forwards one authorized key call to Netlify: validated input only, the key's site set by us,
 * the runner's site confirmed first, with the key owner's token, no redirects followed, bounded
 * by `NETLIFY_API_TIMEOUT_MS` and cancelled when the client goes away. After a successful write
 * the runner is refreshed into the cache once the answer is sent, so the board follows.
 */
export async function forwardProxyCall(request: NextRequest, _context: unknown, scope: ProxyScope) {
  const { apiKey: key, plan: call, env, db, record, log, requestId } = scope;
  const input = await upstreamInput(request, call, key);
  const token = upstreamTokenFor(key, env);
  const config = netlifyConfigFor(env, token);
  const sendTo = (method: string, path: string, body: UpstreamInput) =>
    send(config, buildUrl(config.baseUrl, path, body.query), method as "GET", {
      body: body.body,
      headers: body.headers,
      signal: request.signal,
      accept: call.endpoint.response === "diff" ? "text/plain" : "application/json",
    });
  const runnerPath = call.runnerId ? `/agent_runners/${call.runnerId}` : "";

  const started = performance.now();
  const confirmation = await confirmRunnerSite(call, key, () =>
    sendTo("GET", runnerPath, { query: undefined, body: undefined, headers: {} }),
  );
  let upstream: Response;
  if (confirmation.kind === "fetched" && (!confirmation.answer.ok || call.endpoint.name === "getRunner")) {
    upstream = confirmation.answer;
  } else {
    upstream = await sendTo(call.endpoint.method, upstreamPath(call.endpoint.path, call.params), input);
  }
  record.upstreamMs = performance.now() - started;

  const publicUrl = `${env.appUrl}${new URL(request.url).pathname}`;
  const { response, answer } = await answerFromUpstream(upstream, {
    call,
    siteId: key.siteId,
    token,
    requestId,
    publicUrl,
    log,
  });

  const client = () => createNetlifyClient(config);
  if (confirmation.kind === "fetched" && confirmation.runnerJson) {
    const runnerJson = confirmation.runnerJson;
    runAfterResponse(
      () => cacheRunner(db, netlifyRunnerSchema.parse(JSON.parse(runnerJson)), key.siteId),
      log,
      "caching a runner",
    );
  }
  const refreshedRunnerId = call.endpoint.method === "GET" ? undefined : runnerToRefresh(call, answer);
  if (refreshedRunnerId) {
    const createdViaKeyId = call.endpoint.name === "createRunner" ? key.id : undefined;
    runAfterResponse(
      () => refreshRunner(db, client(), { runnerId: refreshedRunnerId, siteId: key.siteId, createdViaKeyId }),
      log,
      "refreshing a runner after a write",
    );
    runAfterResponse(
      () => watchSites(db, [key.siteId], watchAfterWriteMs),
      log,
      "watching a site after a write",
    );
  }
  if (key.siteWatched) {
    // A script polling a run it started keeps the site's active runners fresh, board open or not.
    runAfterResponse(
      () => refreshWatchedSites(db, env, { owner: `proxy:${requestId}` }),
      log,
      "refreshing watched sites",
    );
  }
  return response;
}

/** The upstream path: the template filled with parameters the matcher already held to plain ids. */
function upstreamPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
}

function runnerToRefresh(call: ProxyScope["plan"], answer: unknown): string | undefined {
  if (call.runnerId) return call.runnerId;
  if (call.endpoint.name !== "createRunner" || typeof answer !== "object" || answer === null)
    return undefined;
  const id = Reflect.get(answer, "id");
  return typeof id === "string" ? id : undefined;
}
