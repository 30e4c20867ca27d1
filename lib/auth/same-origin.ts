import type { Env } from "@/lib/env";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie-authenticated requests: a state-changing request must say it comes from
 * this app, by its `Origin` header or, where a browser sends none, `Sec-Fetch-Site: same-origin`.
 * Every current browser sends one of them on such requests and no page of another origin can
 * forge either (OWASP's "verifying origin with standard headers"; what Next.js Server Actions
 * do). Together with SameSite=Lax cookies no token is needed, and there is none to leak.
 */
export function isSameOriginRequest(request: Request, env: Pick<Env, "appUrl">): boolean {
  if (safeMethods.has(request.method)) return true;
  const origin = request.headers.get("origin");
  if (origin !== null) return origin === new URL(env.appUrl).origin || origin === new URL(request.url).origin;
  return request.headers.get("sec-fetch-site") === "same-origin";
}
