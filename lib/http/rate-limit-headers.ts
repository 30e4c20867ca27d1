import type { ProxyRateLimits } from "@/lib/env-schema";
import type { RateClass } from "@/lib/keys/key-lookup";

const windowSeconds = 60;

/** The per-minute limit of a call's class. */
export const limitFor = (limits: ProxyRateLimits, rateClass: RateClass) =>
  rateClass === "deploy" ? limits.deployPerKey : limits.perKey;

/** Whole seconds until the window that started at `windowStartMs` ends (at least 1). */
export function secondsToReset(windowStartMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((windowStartMs + windowSeconds * 1000 - nowMs) / 1000));
}

/**
 * The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers): the policy (`q` calls per
 * `w` seconds) and what is left of it (`r` remaining, `t` seconds to reset). Sent on every answer
 * so a script can pace itself before it ever sees a 429.
 */
export function rateLimitHeaders(
  policy: string,
  limit: number,
  used: number,
  resetSeconds: number,
): Record<string, string> {
  return {
    "RateLimit-Policy": `"${policy}";q=${limit};w=${windowSeconds}`,
    RateLimit: `"${policy}";r=${Math.max(0, limit - used)};t=${resetSeconds}`,
  };
}
