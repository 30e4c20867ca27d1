import { ApiError } from "./api-error";
import { withRoute } from "./with-route";

export const routeMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type RouteMethod = (typeof routeMethods)[number];

type Handler = ReturnType<typeof withRoute>;

/** Next.js answers HEAD from GET when a route defines only GET, so HEAD is not "other" then. */
type Others<M extends RouteMethod> = Exclude<RouteMethod, M | ("GET" extends M ? "HEAD" : never)>;

/**
 * Handlers for the methods a route file does not define, so that they too answer through
 * `withRoute` (JSON, no-store, a request id) instead of Next.js's empty 405 without `Allow`:
 * `export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");`
 * OPTIONS answers 204 with `Allow` and no CORS headers: the API is called server to server.
 */
export function otherMethods<M extends RouteMethod>(...defined: M[]): Record<Others<M>, Handler> {
  const allowed = new Set<RouteMethod>([...defined, "OPTIONS"]);
  if (allowed.has("GET")) allowed.add("HEAD");
  const allow = routeMethods.filter((method) => allowed.has(method));
  const refuse = withRoute((request) => {
    const message = `${request.method} is not allowed here; use ${allow.join(", ")}.`;
    throw new ApiError("METHOD_NOT_ALLOWED", message, { allow });
  });
  const options = withRoute(() => new Response(null, { status: 204, headers: { Allow: allow.join(", ") } }));
  const handlers: Partial<Record<RouteMethod, Handler>> = {};
  for (const method of routeMethods) {
    if (method === "OPTIONS" && !defined.includes(method as M)) handlers.OPTIONS = options;
    else if (!allowed.has(method)) handlers[method] = refuse;
  }
  return handlers as Record<Others<M>, Handler>;
}
