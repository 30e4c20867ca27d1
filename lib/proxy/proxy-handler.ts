import type { NextRequest } from "next/server";
import { type KeyCallPlan, type KeyRouteDependencies, withApiKey } from "@/lib/http/with-api-key";
import { refuseKeyInQuery } from "./call-input";
import { forwardProxyCall } from "./forward-call";
import { type ProxyCall, resolveProxyCall } from "./proxy-route";

export type ProxyCallPlan = ProxyCall & KeyCallPlan;

/** The plan of a proxy call: refused (400/405) before any key is looked at when the path names no endpoint. */
export function planProxyCall(request: NextRequest): ProxyCallPlan {
  refuseKeyInQuery(request);
  const call = resolveProxyCall(request);
  return { ...call, scope: call.endpoint.scope, route: `${call.endpoint.path}` };
}

/** The `/api/proxy/*` handler for every method; tests pass their own database and environment. */
export function proxyHandler(dependencies?: KeyRouteDependencies) {
  return withApiKey(forwardProxyCall, { plan: planProxyCall, dependencies });
}
