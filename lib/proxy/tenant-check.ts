import type { ResponseKind } from "@/lib/netlify/endpoints";

interface Tenant {
  siteId: string;
  runnerId: string | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const runnerOfSite = (value: unknown, tenant: Tenant) =>
  isRecord(value) && typeof value.id === "string" && value.site_id === tenant.siteId;

const sessionOfRunner = (value: unknown, tenant: Tenant) =>
  isRecord(value) && typeof value.id === "string" && value.agent_runner_id === tenant.runnerId;

const hasStrings = (value: unknown, names: string[]) =>
  isRecord(value) && names.every((name) => typeof value[name] === "string");

/**
 * Whether an upstream answer is of the expected shape and belongs to the key's site (OWASP API3
 * and API10, proxy-security.md item 19): every runner names the key's site, every session the
 * runner in the path. Only the fields that decide ownership are read, so the check costs
 * microseconds even on a page of 100 runners; the body itself is passed on as Netlify sent it.
 */
export function belongsToTenant(kind: ResponseKind, answer: unknown, tenant: Tenant): boolean {
  switch (kind) {
    case "runner":
      return runnerOfSite(answer, tenant);
    case "runners":
      return Array.isArray(answer) && answer.every((runner) => runnerOfSite(runner, tenant));
    case "session":
      return sessionOfRunner(answer, tenant);
    case "sessions":
      return Array.isArray(answer) && answer.every((session) => sessionOfRunner(session, tenant));
    case "snapshot":
      return (
        isRecord(answer) &&
        runnerOfSite(answer.agent_runner, tenant) &&
        Array.isArray(answer.sessions) &&
        answer.sessions.every((session) => sessionOfRunner(session, tenant))
      );
    case "upload_url":
      return hasStrings(answer, ["upload_url", "file_key"]);
    case "delete_url":
      return hasStrings(answer, ["delete_url", "file_key"]);
    case "diff_upload_urls":
      return (
        isRecord(answer) &&
        hasStrings(answer.result, ["upload_url", "s3_key"]) &&
        hasStrings(answer.cumulative, ["upload_url", "s3_key"])
      );
    default:
      // Account-wide kinds are never proxied; refusing them keeps this default-deny.
      return false;
  }
}
