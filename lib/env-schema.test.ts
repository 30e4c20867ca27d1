import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env-schema";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected the environment to be rejected");
}

describe("parseEnv", () => {
  it("starts in demo mode with the documented defaults when nothing is set", () => {
    expect(parseEnv({})).toEqual({
      mode: "demo",
      databaseUrl: undefined,
      databaseDriver: undefined,
      dataDir: ".data",
      netlifyApiUrl: "https://api.netlify.com/api/v1",
      netlifyToken: undefined,
      netlifyDemoToken: undefined,
      netlifyOAuth: undefined,
      netlifyApiTimeoutMs: 15_000,
      authSecret: undefined,
      cronSecret: undefined,
      appUrl: "http://localhost:3000",
      port: 3000,
      allowedEmails: [],
      allowedNetlifyTeams: [],
      logLevel: "info",
      proxyRateLimits: { perKey: 600, deployPerKey: 30, authFailuresPerIp: 20 },
    });
  });

  it("reads the proxy's rate limits and refuses a limit that is not a positive whole number", () => {
    const parsed = parseEnv({
      PROXY_RATE_LIMIT_PER_MINUTE: "1200",
      PROXY_DEPLOY_RATE_LIMIT_PER_MINUTE: "5",
      PROXY_AUTH_FAILURES_PER_MINUTE: "50",
    });
    expect(parsed.proxyRateLimits).toEqual({ perKey: 1200, deployPerKey: 5, authFailuresPerIp: 50 });
    expect(() => parseEnv({ PROXY_DEPLOY_RATE_LIMIT_PER_MINUTE: "0" })).toThrow(
      /PROXY_DEPLOY_RATE_LIMIT_PER_MINUTE must be a whole number/,
    );
  });

  it("reads the sign-in allow-lists as lower-cased, trimmed comma lists and names a malformed one", () => {
    const parsed = parseEnv({
      ALLOWED_EMAILS: " Ana@Example.com, bo@example.com,, ",
      ALLOWED_NETLIFY_TEAMS: "acme",
    });
    expect(parsed.allowedEmails).toEqual(["ana@example.com", "bo@example.com"]);
    expect(parsed.allowedNetlifyTeams).toEqual(["acme"]);
    expect(problemsOf({ ALLOWED_EMAILS: "ana@example.com bo@example.com" })).toEqual([
      "ALLOWED_EMAILS must be a comma-separated list of email addresses",
    ]);
  });

  it("logs at LOG_LEVEL, silently under Vitest unless LOG_LEVEL is set, and names a wrong level", () => {
    expect(parseEnv({ LOG_LEVEL: "debug" }).logLevel).toBe("debug");
    expect(parseEnv({ VITEST: "true" }).logLevel).toBe("silent");
    expect(parseEnv({ VITEST: "true", LOG_LEVEL: "trace" }).logLevel).toBe("trace");
    expect(problemsOf({ LOG_LEVEL: "verbose" })).toEqual([
      "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
    ]);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });

  it("switches to live mode with Netlify credentials and the required secrets", () => {
    const config = parseEnv({
      NETLIFY_TOKEN: "nfp_token",
      AUTH_SECRET: "x".repeat(32),
      CRON_SECRET: "y".repeat(16),
      NETLIFY_API_URL: "https://api.example.test/api/v1/",
      PORT: "8080",
    });
    expect(config).toMatchObject({
      mode: "live",
      port: 8080,
      netlifyApiUrl: "https://api.example.test/api/v1",
    });
  });

  it("names a malformed DATABASE_URL without echoing it", () => {
    const problems = problemsOf({ DATABASE_URL: "mysql://root:hunter2@db/app" });
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/),
    ]);
    expect(problems.join()).not.toContain("hunter2");
  });

  it("requires both secrets in live mode", () => {
    const problems = problemsOf({ NETLIFY_TOKEN: "nfp_token" });
    expect(problems).toEqual([
      "AUTH_SECRET is required when Netlify credentials are set",
      "CRON_SECRET is required when Netlify credentials are set",
    ]);
  });

  it("requires the OAuth client id and secret together", () => {
    expect(
      problemsOf({ NETLIFY_OAUTH_CLIENT_ID: "id", AUTH_SECRET: "x".repeat(32), CRON_SECRET: "y".repeat(16) }),
    ).toEqual(["NETLIFY_OAUTH_CLIENT_SECRET is required when the other OAuth variable is set"]);
  });

  it("rejects out-of-range numbers and bad URLs, naming each variable", () => {
    const problems = problemsOf({ PORT: "70000", NETLIFY_API_TIMEOUT_MS: "soon", APP_URL: "localhost:3000" });
    expect(problems).toEqual([
      "NETLIFY_API_TIMEOUT_MS must be a whole number between 100 and 600000",
      "APP_URL must be an http:// or https:// URL",
      "PORT must be a whole number between 1 and 65535",
    ]);
  });

  it("refuses an API URL with credentials or a query, and plain http to another host in live mode", () => {
    expect(problemsOf({ NETLIFY_API_URL: "https://user:pw@api.example.test/api/v1" })).toEqual([
      "NETLIFY_API_URL must be a plain base URL without credentials, query or fragment",
    ]);
    expect(problemsOf({ NETLIFY_API_URL: "https://api.example.test/api/v1?x=1" })).toHaveLength(1);
    const live = { NETLIFY_TOKEN: "nfp", AUTH_SECRET: "x".repeat(32), CRON_SECRET: "y".repeat(16) };
    expect(problemsOf({ ...live, NETLIFY_API_URL: "http://api.example.test/api/v1" })).toEqual([
      "NETLIFY_API_URL must use https:// when Netlify credentials are set (http:// is allowed for localhost only)",
    ]);
    expect(parseEnv({ ...live, NETLIFY_API_URL: "http://127.0.0.1:8787/api/v1" }).netlifyApiUrl).toBe(
      "http://127.0.0.1:8787/api/v1",
    );
  });

  it("rejects a short AUTH_SECRET and an unknown DATABASE_DRIVER", () => {
    const problems = problemsOf({ AUTH_SECRET: "short", DATABASE_DRIVER: "mysql" });
    expect(problems).toEqual([
      'DATABASE_DRIVER must be "pg" or "neon"',
      "AUTH_SECRET must be at least 32 characters (try: openssl rand -base64 32)",
    ]);
  });
});
