import { ApiError } from "@/lib/http/api-error";
import type { FoundKey } from "@/lib/keys/key-verdict";
import type { ProxyCall } from "./proxy-route";
import { readUpstreamText } from "./upstream-answer";

export const siteMismatchError = () =>
  new ApiError("SITE_MISMATCH", "This runner belongs to another site than the one this API key is for.");

/** How the runner's site was confirmed: from the cache, or by fetching the runner (a cache miss). */
export type SiteConfirmation =
  | { kind: "not_needed" | "cached" }
  /** `answer` is the upstream's answer to that GET, still unread when it was not a success. */
  | { kind: "fetched"; answer: Response; runnerJson?: string };

/**
 * Confirms the runner a call names is on the key's site before anything is forwarded (OWASP API1,
 * proxy-security.md item 6): from the cache when the runner is there (no upstream call), else by
 * one GET of the runner. A runner of another site is 403 `SITE_MISMATCH`, and nothing of it is
 * returned.
 */
export async function confirmRunnerSite(
  call: ProxyCall,
  key: FoundKey,
  getRunner: () => Promise<Response>,
): Promise<SiteConfirmation> {
  if (call.endpoint.binding !== "runner") return { kind: "not_needed" };
  if (key.runnerSiteId !== null) {
    if (key.runnerSiteId !== key.siteId) throw siteMismatchError();
    return { kind: "cached" };
  }
  const fetched = await getRunner();
  if (!fetched.ok) return { kind: "fetched", answer: fetched };
  const runnerJson = await readUpstreamText(fetched);
  const siteId = siteOf(runnerJson);
  if (siteId === undefined)
    throw new ApiError("UPSTREAM_ERROR", "Netlify sent a runner that cannot be read.");
  if (siteId !== key.siteId) throw siteMismatchError();
  const answer = new Response(runnerJson, { status: fetched.status, headers: fetched.headers });
  return { kind: "fetched", answer, runnerJson };
}

function siteOf(json: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(json);
    const siteId = typeof parsed === "object" && parsed !== null ? Reflect.get(parsed, "site_id") : undefined;
    return typeof siteId === "string" ? siteId : undefined;
  } catch {
    return undefined;
  }
}
