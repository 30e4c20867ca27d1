import { z } from "zod";
import { agents, type sessionModes } from "@/db/schema/upstream-states";
import { siteIdPattern } from "@/lib/sites/site-schemas";
import { maxAttachments } from "./attachment-rules";

/*
 * `POST /api/runners` and `POST /api/uploads`: what the board's "Start a run" dialog sends, and
 * what it gets back. Shared with the browser, so the dialog and the server agree on the rules.
 */

/** Build (`normal`) or answer without changing code (`ask`); `create` is for new sites, not offered here. */
export const runModes = ["normal", "ask"] as const satisfies readonly (typeof sessionModes)[number][];
export type RunMode = (typeof runModes)[number];

export const defaultAgent = "claude" satisfies (typeof agents)[number];

const siteId = z.string().regex(siteIdPattern, "expected a Netlify site id");
const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/** A prompt, for a new run or a follow-up. */
export const promptSchema = z
  .string()
  .trim()
  .min(1, "Write a prompt for the agent.")
  .max(100_000, "The prompt is longer than 100,000 characters.");

/** Keys `POST /api/uploads` answered, for the files the agent should read. */
export const fileKeysSchema = z.array(z.string().min(1).max(1024)).max(maxAttachments);

export const createRunnerInputSchema = z.strictObject({
  siteId,
  prompt: promptSchema,
  mode: z.enum(runModes).default("normal"),
  agent: z.enum(agents).optional(),
  model: optionalText(200),
  branch: optionalText(255),
  fileKeys: fileKeysSchema.optional(),
});
export type CreateRunnerInput = z.input<typeof createRunnerInputSchema>;
export type CreateRunnerRequest = z.output<typeof createRunnerInputSchema>;

export const createdRunnerSchema = z.object({ id: z.string() });
export type CreatedRunner = z.infer<typeof createdRunnerSchema>;

/** The text fields of `POST /api/uploads` (multipart); the file is checked by `checkAttachment`. */
export const uploadFieldsSchema = z.strictObject({ siteId });

export const uploadedAttachmentSchema = z.object({
  fileKey: z.string(),
  filename: z.string(),
  size: z.number().int().min(0),
});
export type UploadedAttachment = z.infer<typeof uploadedAttachmentSchema>;
