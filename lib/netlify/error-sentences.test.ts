import { describe, expect, it } from "vitest";
import { describeNetlifyError } from "./error-sentences";
import { NetlifyApiError, type NetlifyErrorCode } from "./errors";

// Stands in for whatever upstream wrote in `error`: meant for programs, never for the person.
const rawBody = "upstream-internal: quota_gate=agent_runner_v2 trace=7f3a";

const apiError = (status: number, errorCode?: NetlifyErrorCode, message = rawBody) =>
  new NetlifyApiError({ status, errorCode, message });

describe("describeNetlifyError", () => {
  it.each([
    [401, undefined, /refused the access token.*Reconnect/],
    [403, "ai_credit_limit_disabled", /credit limit on this team is 0.*team owner/],
    [403, undefined, /plan cannot use Agent Runners, or the team is out of AI credits/],
    [403, "something_new", /plan cannot use Agent Runners/],
    [404, undefined, /^Agent Runners are not enabled for this site, or the run was not found\.$/],
    [409, "active_session_exists", /session in progress.*Wait for it to finish, answer it, or stop it/],
    [409, "follow_up_unavailable", /published or is publishing.*Start a new run/],
    [409, undefined, /changed on Netlify.*Refresh/],
    [429, "ai_credit_limit_exceeded", /team is out of AI credits/],
    [429, "ai_credit_limit_reached", /personal AI credit limit/],
    [429, undefined, /Too many runs are active on this team.*Wait for one to finish/],
    [400, undefined, /did not accept this request/],
    [413, undefined, /could not carry out this request \(status 413\)/],
    [500, undefined, /having trouble right now \(status 500\)/],
    [503, undefined, /having trouble right now \(status 503\)/],
  ] as const)(
    "status %i with code %s reads as a sentence, not the upstream body",
    (status, code, sentence) => {
      const described = describeNetlifyError(apiError(status, code));
      expect(described).toMatch(sentence);
      expect(described).not.toContain("quota_gate");
      expect(described).not.toContain(rawBody);
    },
  );

  it.each([
    ["timeout", 504, /did not answer in time/],
    ["network_error", 502, /Could not reach Netlify/],
    ["unexpected_redirect", 502, /redirect, which is never followed/],
    ["invalid_response", 502, /could not be read/],
    ["invalid_path", 400, /id is not valid/],
    ["upload_refused", 502, /file storage did not take the file/],
  ] as const)("the client's own %s reads as a sentence", (code, status, sentence) => {
    const described = describeNetlifyError(apiError(status, code));
    expect(described).toMatch(sentence);
    expect(described).not.toContain(rawBody);
  });

  it("keeps a 422's upstream message, which is written for people, as one tidy sentence", () => {
    expect(describeNetlifyError(apiError(422, undefined, "  prompt is too long\n"))).toBe(
      "Prompt is too long.",
    );
    expect(describeNetlifyError(apiError(422, undefined, "Session is not awaiting input."))).toBe(
      "Session is not awaiting input.",
    );
  });

  it("clips a long 422 message and falls back to a sentence of its own when it is blank", () => {
    const long = describeNetlifyError(apiError(422, undefined, "x".repeat(2_000)));
    expect(long.length).toBeLessThanOrEqual(300);
    expect(long.endsWith("…")).toBe(true);
    expect(describeNetlifyError(apiError(422, undefined, "   "))).toMatch(/could not carry out this request/);
  });

  it("says nothing of the internals of an error that is not from the Netlify client", () => {
    const internal = new Error("ECONNRESET at /srv/app/node_modules/undici/lib/core.js:42 token=nfp_secret");
    for (const value of [internal, "a string", undefined, { status: 404 }]) {
      const described = describeNetlifyError(value);
      expect(described).toBe("Something went wrong while talking to Netlify. Try again in a moment.");
    }
  });
});
