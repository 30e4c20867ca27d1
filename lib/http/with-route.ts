import type { NextRequest } from "next/server";
import { logger } from "@/lib/log/app-logger";
import type { Logger } from "@/lib/log/logger";
import { ApiError } from "./api-error";
import { toApiError } from "./map-error";
import { newRequestId } from "./request-id";
import { errorResponse, withStandardHeaders } from "./response";

/** What every handler receives beside the request and Next.js's route context. */
export interface RequestScope {
  requestId: string;
  /** A child of the server logger bound to this request's id. */
  log: Logger;
}

export type RouteHandler<Context, Grant> = (
  request: NextRequest,
  context: Context,
  scope: RequestScope & Grant,
) => Response | Promise<Response>;

export interface RouteOptions<Grant> {
  /**
   * Decides whether the request may go on, before the handler runs: throws an ApiError to refuse
   * (401, 403, 429…) or returns what the handler is granted (a user, a key), merged into its
   * scope. Returning a `log` replaces the request's logger (e.g. one bound to the key's id).
   *
   * This is where `withSession(handler, { role })` and `withApiKey(handler, { scope })` plug in:
   * each is `withRoute(handler, { authorize })` with its own check, so they inherit the request
   * id, the error mapping and the request log instead of repeating them.
   */
  authorize?: (request: NextRequest, scope: RequestScope) => Grant | Promise<Grant>;
}

/**
 * The base of every route handler: a request id, the standard headers, one error mapping and one
 * log line per request. Handlers throw ApiError to answer with an error and never catch errors to
 * build responses themselves; anything else thrown becomes a generic 500 here.
 */
export function withRoute<Context = unknown, Grant extends object = Record<never, never>>(
  handler: RouteHandler<Context, Grant>,
  options: RouteOptions<Grant> = {},
): (request: NextRequest, context: Context) => Promise<Response> {
  return async (request, context) => {
    const started = performance.now();
    const requestId = newRequestId();
    let log = logger().child({ requestId });
    let response: Response;
    let code: string | undefined;
    try {
      const grant = options.authorize ? await options.authorize(request, { requestId, log }) : ({} as Grant);
      const scope = { requestId, log, ...grant };
      log = scope.log;
      const answer: unknown = await handler(request, context, scope);
      if (!(answer instanceof Response)) throw new TypeError("A route handler must return a Response");
      response = withStandardHeaders(answer, requestId);
    } catch (thrown) {
      const error = request.signal.aborted
        ? new ApiError("CLIENT_CLOSED_REQUEST", "The client closed the request before its answer was ready.")
        : toApiError(thrown, requestId, log);
      code = error.code;
      response = errorResponse(error, requestId);
    }
    logRequest(log, request, response.status, code, performance.now() - started);
    return response;
  };
}

/** One line per request. The query's values are left out: they may carry secrets (`?api_key=`). */
function logRequest(log: Logger, request: NextRequest, status: number, code: string | undefined, ms: number) {
  const { pathname, searchParams } = new URL(request.url);
  const queryKeys = [...new Set(searchParams.keys())];
  const line = {
    method: request.method,
    path: pathname,
    ...(queryKeys.length > 0 ? { queryKeys } : {}),
    status,
    ...(code ? { code } : {}),
    durationMs: Math.round(ms * 10) / 10,
  };
  if (status >= 500) log.error(line, "request");
  else log.info(line, "request");
}
