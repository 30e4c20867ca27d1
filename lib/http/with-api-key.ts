import type { NextRequest } from "next/server";
import type { Database } from "@/db";
import type { ApiKeyScope } from "@/db/schema";
import { database } from "@/lib/database";
import { type Env, env } from "@/lib/env";
import { hashApiKey } from "@/lib/keys/key-format";
import { lookupKey, type RateClass } from "@/lib/keys/key-lookup";
import { recordKeyUsage } from "@/lib/keys/key-usage";
import { type FoundKey, judgeKey } from "@/lib/keys/key-verdict";
import { invalidKeyError, presentedKey } from "@/lib/keys/presented-key";
import { logger } from "@/lib/log/app-logger";
import { runAfterResponse } from "./after-response";
import { ApiError } from "./api-error";
import { clientIp } from "./client-ip";
import { limitFor, rateLimitHeaders, secondsToReset } from "./rate-limit-headers";
import { type RequestScope, type RouteHandler, withRoute } from "./with-route";

/** What a key-authenticated call needs, known from the request before the key is looked up. */
export interface KeyCallPlan {
  scope: ApiKeyScope;
  rateClass: RateClass;
  /** The runner the call names: its cached site comes back with the key, in the same query. */
  runnerId?: string;
  /** The route template for the audit log (never the raw path). */
  route: string;
}

/** Filled in as the call proceeds; read once the response is ready (audit, headers). */
export interface KeyCallRecord {
  requestId?: string;
  route: string;
  keyId?: string;
  siteId?: string;
  authMs?: number;
  upstreamMs?: number;
  rateLimit?: Record<string, string>;
}

/** What a key-authenticated handler is granted: the key (never its secret), its plan, the database. */
export interface ApiKeyGrant<Plan extends KeyCallPlan> {
  apiKey: FoundKey;
  plan: Plan;
  db: Database;
  env: Env;
  record: KeyCallRecord;
}

export interface KeyRouteDependencies {
  database(): Promise<Database>;
  env(): Env;
}

const appDependencies: KeyRouteDependencies = {
  database: async () => (await database()).db,
  env,
};

/**
 * A route handler for scripts holding an `oc_` key. Before the handler runs: the plan (which
 * endpoint, which scope; may refuse the path), the key from `Authorization: Bearer` only (no
 * cookies: a key call can never ride a browser session), one database round trip (`lookupKey`),
 * the verdict, and the rate limits (per key, stricter for deploy calls; per client IP for failed
 * authentication). Every answer, errors included, carries the rate-limit headers, `Vary:
 * Authorization` and `Server-Timing`, and is written to the audit log after it is sent.
 */
export function withApiKey<Plan extends KeyCallPlan, Context = unknown>(
  handler: RouteHandler<Context, ApiKeyGrant<Plan>>,
  options: { plan(request: NextRequest): Plan; dependencies?: KeyRouteDependencies },
) {
  const dependencies = options.dependencies ?? appDependencies;
  return async (request: NextRequest, context: Context): Promise<Response> => {
    const started = performance.now();
    const record: KeyCallRecord = { route: "(no endpoint)" };
    const routed = withRoute<Context, ApiKeyGrant<Plan>>(handler, {
      authorize: async (incoming, scope) => {
        const authStarted = performance.now();
        try {
          return await authorizeKeyCall(incoming, scope, record, options.plan, dependencies);
        } finally {
          // Refusals are timed too, so Server-Timing is on every answer as the contract says.
          record.authMs = performance.now() - authStarted;
        }
      },
    });
    const response = await routed(request, context);
    const latencyMs = Math.round(performance.now() - started);
    auditKeyCall(request, response.status, record, latencyMs, dependencies);
    return withKeyCallHeaders(response, record);
  };
}

async function authorizeKeyCall<Plan extends KeyCallPlan>(
  request: NextRequest,
  scope: RequestScope,
  record: KeyCallRecord,
  planFor: (request: NextRequest) => Plan,
  dependencies: KeyRouteDependencies,
): Promise<ApiKeyGrant<Plan> & { log: RequestScope["log"] }> {
  record.requestId = scope.requestId;
  const plan = planFor(request);
  record.route = plan.route;
  // Shape and checksum are checked before any query: garbage never reaches the database.
  const keyHash = hashApiKey(presentedKey(request.headers.get("authorization")));
  const [db, config] = [await dependencies.database(), dependencies.env()];
  const limits = config.proxyRateLimits;
  const failureBucket = `auth:${clientIp(request.headers)}`;
  const lookup = await lookupKey(db, {
    keyHash,
    rateClass: plan.rateClass,
    runnerId: plan.runnerId,
    failureBucket,
  });
  const resetSeconds = secondsToReset(lookup.windowStartMs, lookup.nowMs);

  if (!lookup.key) {
    const limit = limits.authFailuresPerIp;
    const failures = lookup.failuresThisWindow;
    record.rateLimit = rateLimitHeaders("auth-failures", limit, failures, resetSeconds);
    if (failures > limit)
      throw new ApiError(
        "RATE_LIMITED",
        "Too many failed authentications from this address. Wait, then retry.",
        {
          retryAfterSeconds: resetSeconds,
        },
      );
    throw invalidKeyError();
  }

  record.keyId = lookup.key.id;
  record.siteId = lookup.key.siteId;
  const limit = limitFor(limits, plan.rateClass);
  record.rateLimit = rateLimitHeaders(plan.rateClass, limit, lookup.key.callsThisWindow, resetSeconds);
  const apiKey = judgeKey(lookup, plan.scope);
  if (apiKey.callsThisWindow > limit) {
    const what = plan.rateClass === "deploy" ? "deploy calls" : "calls";
    throw new ApiError(
      "RATE_LIMITED",
      `This API key made more than ${limit} ${what} this minute. Wait, then retry.`,
      {
        retryAfterSeconds: resetSeconds,
      },
    );
  }
  const log = scope.log.child({ keyId: apiKey.id, siteId: apiKey.siteId });
  return { apiKey, plan, db, env: config, record, log };
}

function auditKeyCall(
  request: NextRequest,
  status: number,
  record: KeyCallRecord,
  latencyMs: number,
  dependencies: KeyRouteDependencies,
): void {
  const entry = {
    apiKeyId: record.keyId ?? null,
    siteId: record.siteId ?? null,
    requestId: record.requestId ?? "",
    method: request.method.slice(0, 16),
    route: record.route,
    status,
    latencyMs,
  };
  runAfterResponse(
    async () => recordKeyUsage(await dependencies.database(), entry),
    logger(),
    "recording a key request",
  );
}

/**
 * Headers every key answer carries, errors included. Set in place: `withRoute` has just built
 * this Response (its headers are mutable), and wrapping it again would cost a copy per call.
 */
function withKeyCallHeaders(response: Response, record: KeyCallRecord): Response {
  const { headers } = response;
  // Answers differ per key: no shared cache may serve one key's answer to another.
  headers.set("Vary", "Authorization");
  for (const [name, value] of Object.entries(record.rateLimit ?? {})) headers.set(name, value);
  const timings = [
    record.authMs === undefined ? undefined : `auth;dur=${record.authMs.toFixed(1)}`,
    record.upstreamMs === undefined ? undefined : `upstream;dur=${record.upstreamMs.toFixed(1)}`,
  ].filter(Boolean);
  if (timings.length > 0) headers.set("Server-Timing", timings.join(", "));
  return response;
}
