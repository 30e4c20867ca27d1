import "server-only";
import { type Env, parseEnv } from "./env-schema";

export { type AppMode, type Env, EnvError, parseEnv } from "./env-schema";

/*
 * The only reader of `process.env`; everything else receives a validated `Env`. Server-only:
 * the environment holds the database URL and the secrets.
 */

let cached: Env | undefined;

/** The validated environment of this process (parsed once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The environment for a child process this one starts, with `overrides` applied. */
export function childProcessEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
