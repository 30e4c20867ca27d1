import { z } from "zod";
import { prStates, type RunnerState, type SessionState } from "@/db/schema/upstream-states";
import { netlifyInteractionsSchema } from "./interaction-schemas";
import { nullableString, openString, timestamp } from "./wire-primitives";

export * from "@/db/schema/upstream-states";
export * from "./interaction-schemas";

/*
 * Wire shapes of the Netlify API (facts: shared/spec/netlify-api-research.md). Objects are
 * loose: fields Netlify adds later pass through untouched, while the documented ones are
 * validated. Where sources disagree (a field present as null in one, omitted in another),
 * both forms are accepted.
 */

export const netlifyUserSchema = z.looseObject({
  id: z.string(),
  full_name: nullableString.optional(),
  email: nullableString.optional(),
  avatar_url: nullableString.optional(),
});
export type NetlifyUser = z.infer<typeof netlifyUserSchema>;

/** The live field set of a runner (NAX-LIVE, 2026-08-02). Kept as data so tests can check fixtures against it. */
export const runnerFieldNames = [
  "active_session_created_at",
  "attached_file_keys",
  "base_deploy_id",
  "branch",
  "code_origin",
  "contributors",
  "created_at",
  "current_task",
  "done_at",
  "has_result_diff",
  "id",
  "last_session_created_at",
  "latest_session_is_published",
  "latest_session_mode",
  "latest_session_state",
  "merge_commit_error",
  "merge_commit_is_being_created",
  "merge_commit_sha",
  "merge_target_available",
  "needs_git_sync",
  "parent_agent_runner_id",
  "pr_branch",
  "pr_error",
  "pr_is_being_created",
  "pr_number",
  "pr_state",
  "pr_url",
  "rebase_available",
  "result_branch",
  "sha",
  "site_id",
  "site_name",
  "state",
  "title",
  "updated_at",
  "user",
  // November 2026 (§7.3).
  "publishing_state",
  "preview_state",
] as const;

export const netlifyRunnerSchema = z.looseObject({
  id: z.string(),
  site_id: z.string(),
  site_name: z.string().optional(),
  state: openString<RunnerState>(),
  title: nullableString.optional(),
  // Missing or null on sites without git (CLI fixture).
  branch: nullableString.optional(),
  result_branch: nullableString.optional(),
  sha: nullableString.optional(),
  code_origin: z.string().optional(),
  parent_agent_runner_id: nullableString.optional(),
  current_task: nullableString.optional(),
  created_at: timestamp,
  updated_at: timestamp,
  done_at: timestamp.nullable().optional(),
  last_session_created_at: timestamp.nullable().optional(),
  // Present only while a session is active in some examples, null in others.
  active_session_created_at: timestamp.nullable().optional(),
  has_result_diff: z.boolean().optional(),
  // Kept raw like `state`; only a value that is not a state at all (a number, "") degrades to null.
  latest_session_state: openString<SessionState>().nullable().optional().catch(null),
  latest_session_mode: z.string().nullable().optional(),
  latest_session_is_published: z.boolean().optional(),
  // Omitted until the latest session has a deploy.
  latest_session_deploy_id: nullableString.optional(),
  latest_session_deploy_url: nullableString.optional(),
  base_deploy_id: nullableString.optional(),
  attached_file_keys: z.array(z.string()).optional(),
  pr_url: nullableString.optional(),
  pr_branch: nullableString.optional(),
  pr_state: z.enum(prStates).nullable().optional().catch(null),
  pr_number: z.number().int().nullable().optional(),
  pr_is_being_created: z.boolean().optional(),
  pr_error: nullableString.optional(),
  merge_commit_sha: nullableString.optional(),
  merge_commit_error: nullableString.optional(),
  merge_commit_is_being_created: z.boolean().optional(),
  needs_git_sync: z.boolean().optional(),
  rebase_available: z.boolean().optional(),
  merge_target_available: z.boolean().optional(),
  // Open sets upstream has not documented; shown as sent.
  publishing_state: nullableString.optional(),
  preview_state: nullableString.optional(),
  user: netlifyUserSchema.optional(),
  contributors: z.array(netlifyUserSchema).optional(),
});
export type NetlifyRunner = z.infer<typeof netlifyRunnerSchema>;

/** The live field set of a session (NAX-LIVE); `source_session_id` is added on redeploy sessions only. */
export const sessionFieldNames = [
  "agent_config",
  "agent_runner_id",
  "attached_file_keys",
  "base_sha",
  "commit_sha",
  "created_at",
  "credit_limit_exceeded",
  "credit_limit_exceeded_message",
  "current_task",
  "deploy_id",
  "deploy_url",
  "dev_server_id",
  "done_at",
  "duration",
  "has_cumulative_diff",
  "has_result_diff",
  "id",
  "is_discarded",
  "is_published",
  "mode",
  "prompt",
  "result",
  "result_zip_file_name",
  "state",
  "steps",
  "steps_count",
  "title",
  "updated_at",
  "usage",
  "user",
  // November 2026 (§7.2).
  "interrupt_reason",
  "interactions",
] as const;

export const sessionStepSchema = z.looseObject({
  title: z.string().optional(),
  message: z.string().optional(),
  id: z.number().int().optional(),
});

export const sessionUsageSchema = z.looseObject({
  total_input_tokens: z.number().optional(),
  total_output_tokens: z.number().optional(),
  total_cached_input_tokens: z.number().optional(),
  total_cached_output_tokens: z.number().optional(),
  total_tokens: z.number().optional(),
  total_credits_cost: z.number().optional(),
});

export const netlifySessionSchema = z.looseObject({
  id: z.string(),
  agent_runner_id: z.string(),
  state: openString<SessionState>(),
  // Always present upstream; defaults to normal.
  mode: z.string().default("normal"),
  title: nullableString.optional(),
  prompt: nullableString.optional(),
  // `{}` on redeploy and rebase sessions; model may be null.
  agent_config: z
    .looseObject({
      agent: z.string().optional(),
      model: nullableString.optional(),
      effort: z.string().optional(),
    })
    .optional(),
  result: nullableString.optional(),
  // Milliseconds in real data.
  duration: z.number().nullable().optional(),
  steps: z.array(sessionStepSchema).optional(),
  steps_count: z.number().int().optional(),
  current_task: nullableString.optional(),
  deploy_id: nullableString.optional(),
  deploy_url: nullableString.optional(),
  commit_sha: nullableString.optional(),
  base_sha: nullableString.optional(),
  dev_server_id: nullableString.optional(),
  attached_file_keys: z.array(z.string()).optional(),
  result_zip_file_name: nullableString.optional(),
  is_published: z.boolean().optional(),
  is_discarded: z.boolean().optional(),
  has_result_diff: z.boolean().optional(),
  has_cumulative_diff: z.boolean().optional(),
  source_session_id: z.string().optional(),
  credit_limit_exceeded: z.boolean().optional(),
  credit_limit_exceeded_message: nullableString.optional(),
  /** Why the platform stopped an `interrupted` session, e.g. `credit_limit`. */
  interrupt_reason: nullableString.optional(),
  interactions: netlifyInteractionsSchema.nullable().optional(),
  usage: sessionUsageSchema.nullable().optional(),
  user: netlifyUserSchema.optional(),
  created_at: timestamp,
  updated_at: timestamp,
  done_at: timestamp.nullable().optional(),
});
export type NetlifySession = z.infer<typeof netlifySessionSchema>;

export const netlifySiteSchema = z.looseObject({
  id: z.string(),
  site_id: z.string().optional(),
  name: z.string(),
  url: nullableString.optional(),
  ssl_url: nullableString.optional(),
  admin_url: nullableString.optional(),
  account_id: nullableString.optional(),
  account_slug: nullableString.optional(),
  account_name: nullableString.optional(),
  build_settings: z
    .looseObject({
      provider: nullableString.optional(),
      repo_url: nullableString.optional(),
      repo_branch: nullableString.optional(),
    })
    .nullable()
    .optional(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});
export type NetlifySite = z.infer<typeof netlifySiteSchema>;

export const netlifyAccountSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  type: z.string().optional(),
});
export type NetlifyAccount = z.infer<typeof netlifyAccountSchema>;

export const uploadUrlSchema = z.looseObject({ upload_url: z.string(), file_key: z.string() });
export const deleteUrlSchema = z.looseObject({ delete_url: z.string(), file_key: z.string() });
export const diffUploadUrlsSchema = z.looseObject({
  result: z.looseObject({ upload_url: z.string(), s3_key: z.string() }),
  cumulative: z.looseObject({ upload_url: z.string(), s3_key: z.string() }),
});

/** Error bodies: `{error}` always; `error_code` (and `active_session_id`) on conflicts. */
export const netlifyErrorBodySchema = z.looseObject({
  error: z.string().optional(),
  message: z.string().optional(),
  error_code: z.string().optional(),
  active_session_id: z.string().optional(),
});
