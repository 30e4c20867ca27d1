import { z } from "zod";
import { agents, efforts, runnerStates, sessionStates } from "@/db/schema/upstream-states";

/*
 * What a caller may send to each endpoint: the proxy validates against these before anything
 * goes upstream, and the OpenAPI document is generated from them. Objects strip unknown fields,
 * so only what is listed here ever reaches Netlify (and `site_id`/`account_id` never do: the
 * proxy sets those itself from the key).
 */

const id = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "must be an id of letters, digits, _ or -");
const shortText = (max: number) => z.string().trim().min(1).max(max);
/** Query values arrive as strings; numbers are coerced and bounded. */
const pageNumber = z.coerce.number().int().min(1).max(100_000);
const perPage = z.coerce.number().int().min(1).max(100);
const unixSeconds = z.coerce.number().int().min(0);
const booleanFlag = z.enum(["true", "false"]);

/** Netlify's own list filter also takes `live` (OAS; meaning unknown) besides the states. */
export const runnerStateFilters = [...runnerStates, "live"] as const;
/** Agents' file attachments: the CLI's limit, and keys as `upload_url` hands them out. */
const fileKeys = z.array(shortText(1024)).max(20);
/** Modes a caller may start a run or follow-up in; redeploy/rebase have their own endpoints. */
const promptModes = ["normal", "ask", "create"] as const;

export const listRunnersQuerySchema = z.object({
  page: pageNumber.optional(),
  per_page: perPage.optional(),
  state: z.enum(runnerStateFilters).optional(),
  title: shortText(500).optional(),
  branch: shortText(255).optional(),
  result_branch: shortText(255).optional(),
  user_id: id.optional(),
  from: unixSeconds.optional(),
  to: unixSeconds.optional(),
});

export const listSessionsQuerySchema = z.object({
  page: pageNumber.optional(),
  per_page: perPage.optional(),
  state: z.enum(sessionStates).optional(),
  from: unixSeconds.optional(),
  to: unixSeconds.optional(),
  order_by: z.enum(["asc", "desc"]).optional(),
  include_discarded: booleanFlag.optional(),
});

/** The diff pages by files; leaving `page` out returns the whole diff. */
export const diffQuerySchema = z.object({
  page: pageNumber.optional(),
  per_page: perPage.optional(),
  strip_binary: booleanFlag.optional(),
});

export const createRunnerBodySchema = z.object({
  prompt: shortText(100_000),
  agent: z.enum(agents).optional(),
  model: shortText(200).optional(),
  effort: z.enum(efforts).optional(),
  /** Leave out on sites without git; `deploy_id` wins over it upstream. */
  branch: shortText(255).optional(),
  deploy_id: id.optional(),
  mode: z.enum(promptModes).optional(),
  file_keys: fileKeys.optional(),
});

export const updateRunnerBodySchema = z
  .object({ title: shortText(500).optional(), base_deploy_id: id.optional() })
  .refine((body) => body.title !== undefined || body.base_deploy_id !== undefined, {
    message: "send title or base_deploy_id",
  });

export const revertRunnerBodySchema = z.object({ session_id: id });

export const commitRunnerBodySchema = z.object({ target_branch: shortText(255) });

export const createSessionBodySchema = z.object({
  prompt: shortText(100_000),
  agent: z.enum(agents).optional(),
  model: shortText(200).optional(),
  effort: z.enum(efforts).optional(),
  mode: z.enum(promptModes).optional(),
  file_keys: fileKeys.optional(),
});

export const updateSessionBodySchema = z
  .object({ title: shortText(500).optional(), is_published: z.boolean().optional() })
  .refine((body) => body.title !== undefined || body.is_published !== undefined, {
    message: "send title or is_published",
  });

/** `refId` is camelCase on the wire, unlike the rest of the API (§7.5). */
export const answerSessionBodySchema = z.union([
  z.object({
    refId: shortText(200),
    response: z
      .array(z.union([z.string().max(10_000), z.array(z.string().max(10_000)).max(50), z.null()]))
      .max(20),
  }),
  z.object({
    refId: shortText(200),
    skipped: z.literal(true),
    instruction: z.string().max(10_000).optional(),
  }),
]);

/** `account_id` is the key's site's account, set by the proxy. */
export const uploadUrlBodySchema = z.object({ filename: shortText(255), content_type: shortText(255) });
export const deleteUrlBodySchema = z.object({ file_key: shortText(1024) });
