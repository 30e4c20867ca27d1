import type { LevelWithSilent } from "pino";
import { z } from "zod";

/**
 * The environment contract (docs: README "Configuration"): its schema and parser. Reads nothing
 * itself: `lib/env.ts` reads `process.env` and hands out the validated `Env`. Apart from that
 * server-only module so that drizzle.config.ts, which drizzle-kit loads without React's server
 * condition, validates the same contract.
 */

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/[^/\s]+/.test(value) && URL.canParse(value), {
    message: "must be a postgres:// or postgresql:// URL, e.g. postgres://user:password@host:5432/database",
  });

const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), {
    message: "must be an http:// or https:// URL",
  })
  .transform((value) => value.replace(/\/+$/, ""));

/** A base URL that paths are appended to: credentials, a query or a fragment would be mangled or leaked. */
const baseUrl = httpUrl.refine(
  (value) => {
    const url = new URL(value);
    return !url.username && !url.password && !url.search && !url.hash;
  },
  { message: "must be a plain base URL without credentials, query or fragment" },
);

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

const integerIn = (min: number, max: number) =>
  z.coerce
    .number({ message: `must be a whole number between ${min} and ${max}` })
    .int(`must be a whole number between ${min} and ${max}`)
    .min(min, `must be a whole number between ${min} and ${max}`)
    .max(max, `must be a whole number between ${min} and ${max}`);

const optionalText = z.string().trim().min(1).optional();

/** A comma-separated list, lower-cased and trimmed; empty entries are dropped. */
const commaList = (what: string) =>
  z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((entries) => entries.every((entry) => /^[^\s,]+$/.test(entry)), {
      message: `must be a comma-separated list of ${what}`,
    })
    .optional();

export const logLevels = [
  "fatal",
  "error",
  "warn",
  "info",
  "debug",
  "trace",
  "silent",
] as const satisfies readonly LevelWithSilent[];

const envSchema = z
  .object({
    DATABASE_URL: postgresUrl.optional(),
    DATABASE_DRIVER: z.enum(["pg", "neon"], { message: 'must be "pg" or "neon"' }).optional(),
    DATA_DIR: z.string().trim().min(1).default(".data"),
    NETLIFY_API_URL: baseUrl.default("https://api.netlify.com/api/v1"),
    NETLIFY_TOKEN: optionalText,
    NETLIFY_DEMO_TOKEN: optionalText,
    NETLIFY_OAUTH_CLIENT_ID: optionalText,
    NETLIFY_OAUTH_CLIENT_SECRET: optionalText,
    NETLIFY_API_TIMEOUT_MS: integerIn(100, 600_000).default(15_000),
    AUTH_SECRET: z
      .string()
      .min(32, "must be at least 32 characters (try: openssl rand -base64 32)")
      .optional(),
    CRON_SECRET: z.string().min(16, "must be at least 16 characters (try: openssl rand -hex 24)").optional(),
    APP_URL: baseUrl.default("http://localhost:3000"),
    PORT: integerIn(1, 65_535).default(3000),
    ALLOWED_EMAILS: commaList("email addresses"),
    ALLOWED_NETLIFY_TEAMS: commaList("Netlify team slugs"),
    PROXY_RATE_LIMIT_PER_MINUTE: integerIn(1, 1_000_000).default(600),
    PROXY_DEPLOY_RATE_LIMIT_PER_MINUTE: integerIn(1, 1_000_000).default(30),
    PROXY_AUTH_FAILURES_PER_MINUTE: integerIn(1, 1_000_000).default(20),
    LOG_LEVEL: z.enum(logLevels, { message: `must be one of ${logLevels.join(", ")}` }).optional(),
    /** Set by Vitest in the processes that run tests: their logs stay quiet unless LOG_LEVEL asks. */
    VITEST: optionalText,
  })
  .superRefine((value, ctx) => {
    const oauthHalves = [value.NETLIFY_OAUTH_CLIENT_ID, value.NETLIFY_OAUTH_CLIENT_SECRET];
    if (oauthHalves.filter(Boolean).length === 1) {
      const missing = value.NETLIFY_OAUTH_CLIENT_ID
        ? "NETLIFY_OAUTH_CLIENT_SECRET"
        : "NETLIFY_OAUTH_CLIENT_ID";
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message: "is required when the other OAuth variable is set",
      });
    }
    const live = Boolean(value.NETLIFY_TOKEN || value.NETLIFY_OAUTH_CLIENT_ID);
    if (!live) return;
    // Real tokens travel to this URL: plain http only to this machine (e.g. the simulator).
    const api = new URL(value.NETLIFY_API_URL);
    if (api.protocol !== "https:" && !loopbackHosts.has(api.hostname)) {
      ctx.addIssue({
        code: "custom",
        path: ["NETLIFY_API_URL"],
        message: "must use https:// when Netlify credentials are set (http:// is allowed for localhost only)",
      });
    }
    // Live mode holds real Netlify tokens: a generated, file-backed secret would be too easy to lose or leak.
    for (const name of ["AUTH_SECRET", "CRON_SECRET"] as const) {
      if (!value[name]) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: "is required when Netlify credentials are set",
        });
      }
    }
  });

type ParsedEnv = z.infer<typeof envSchema>;

export type AppMode = "demo" | "live";

export interface Env {
  mode: AppMode;
  databaseUrl: string | undefined;
  databaseDriver: ParsedEnv["DATABASE_DRIVER"];
  dataDir: string;
  netlifyApiUrl: string;
  netlifyToken: string | undefined;
  /** Demo mode: the token of the built-in simulator's demo account (set by the launcher). */
  netlifyDemoToken: string | undefined;
  netlifyOAuth: { clientId: string; clientSecret: string } | undefined;
  netlifyApiTimeoutMs: number;
  authSecret: string | undefined;
  cronSecret: string | undefined;
  appUrl: string;
  port: number;
  /** People who are let in on sign-in without waiting for an admin's approval. */
  allowedEmails: string[];
  allowedNetlifyTeams: string[];
  logLevel: (typeof logLevels)[number];
  proxyRateLimits: ProxyRateLimits;
}

/** Per minute, shared by every instance (counted in Postgres). */
export interface ProxyRateLimits {
  /** Calls one key may make. */
  perKey: number;
  /** Calls needing `agent_runners:deploy` one key may make: they open PRs and publish. */
  deployPerKey: number;
  /** Failed authentications one client IP may make before it is refused outright. */
  authFailuresPerIp: number;
}

/** Thrown when the environment breaks the contract; `message` names each variable and what it expects. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("; "));
    this.name = "EnvError";
  }
}

type EnvSource = Record<string, string | undefined>;

/** Empty strings mean "unset": `FOO= npm run dev` must behave like leaving FOO out. */
function withoutEmptyValues(source: EnvSource): EnvSource {
  return Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
}

export function parseEnv(source: EnvSource): Env {
  const result = envSchema.safeParse(withoutEmptyValues(source));
  if (!result.success) {
    // Values are never echoed: DATABASE_URL and the secrets may hold passwords.
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const value = result.data;
  const netlifyOAuth =
    value.NETLIFY_OAUTH_CLIENT_ID && value.NETLIFY_OAUTH_CLIENT_SECRET
      ? { clientId: value.NETLIFY_OAUTH_CLIENT_ID, clientSecret: value.NETLIFY_OAUTH_CLIENT_SECRET }
      : undefined;
  return {
    mode: value.NETLIFY_TOKEN || netlifyOAuth ? "live" : "demo",
    databaseUrl: value.DATABASE_URL,
    databaseDriver: value.DATABASE_DRIVER,
    dataDir: value.DATA_DIR,
    netlifyApiUrl: value.NETLIFY_API_URL,
    netlifyToken: value.NETLIFY_TOKEN,
    netlifyDemoToken: value.NETLIFY_DEMO_TOKEN,
    netlifyOAuth,
    netlifyApiTimeoutMs: value.NETLIFY_API_TIMEOUT_MS,
    authSecret: value.AUTH_SECRET,
    cronSecret: value.CRON_SECRET,
    appUrl: value.APP_URL,
    port: value.PORT,
    allowedEmails: value.ALLOWED_EMAILS ?? [],
    allowedNetlifyTeams: value.ALLOWED_NETLIFY_TEAMS ?? [],
    logLevel: value.LOG_LEVEL ?? (value.VITEST ? "silent" : "info"),
    proxyRateLimits: {
      perKey: value.PROXY_RATE_LIMIT_PER_MINUTE,
      deployPerKey: value.PROXY_DEPLOY_RATE_LIMIT_PER_MINUTE,
      authFailuresPerIp: value.PROXY_AUTH_FAILURES_PER_MINUTE,
    },
  };
}
