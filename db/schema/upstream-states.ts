/*
 * The states, modes and enums of the Netlify API as lists, so the client, the simulator, the
 * database and the board derive theirs from one place. They live in the database layer
 * because the cache needs them (the types of its state columns, the partial index of active
 * runners) and layers point down: lib/ imports db/, never the reverse. lib/netlify's
 * schemas re-export them, so upstream code keeps one import place. No zod here: drizzle-kit
 * loads this file with the schema.
 */

/** Every session state upstream documents (§3 and §7 of the research notes); a state not listed is kept raw. */
export const sessionStates = [
  "new",
  "running",
  "await_input",
  "interrupted",
  "done",
  "error",
  "cancelled",
] as const;
/** A runner mirrors its latest session, and can also be archived (a soft delete). */
export const runnerStates = [...sessionStates, "archived"] as const;
export const sessionModes = [
  "normal",
  "redeploy",
  "rebase",
  "git_sync",
  "create",
  "ask",
  "conflict_resolution",
] as const;
export const prStates = ["open", "closed", "merged", "draft"] as const;
export const agents = ["claude", "codex", "gemini", "opencode"] as const;
export const efforts = ["low", "medium", "high", "max", "xhigh"] as const;

export type RunnerState = (typeof runnerStates)[number];
export type SessionState = (typeof sessionStates)[number];

/**
 * A state as it arrives: the documented ones typed, any other non-empty string kept raw. Netlify
 * added two states in 2026; with a closed enum the next one would fail whole pages of runners.
 */
export type RunnerStateOnWire = RunnerState | (string & {});
export type SessionStateOnWire = SessionState | (string & {});

/**
 * The states in which a run still changes without us (working, or waiting on a person who may
 * answer in Netlify's UI): the ones a sync keeps polling.
 */
export const activeRunnerStates = ["new", "running", "await_input"] as const satisfies readonly RunnerState[];
