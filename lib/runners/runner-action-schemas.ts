import { z } from "zod";
import { agents } from "@/db/schema/upstream-states";
import { fileKeysSchema, promptSchema, runModes } from "./create-runner-schemas";

/*
 * `POST /api/runners/{runnerId}/actions`: what the board and the run's page ask of a run. One
 * body per action, told apart by `action`.
 */

const sessionId = z.string().min(1).max(128);

const refIds = { sessionId, refId: z.string().min(1).max(256) };

export const runnerActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("stop") }),
  z.object({ action: z.literal("archive") }),
  z.object({ action: z.literal("create_pr") }),
  z.object({
    action: z.literal("follow_up"),
    prompt: promptSchema,
    agent: z.enum(agents).optional(),
    model: z.string().trim().min(1).max(200).optional(),
    mode: z.enum(runModes).default("normal"),
    fileKeys: fileKeysSchema.optional(),
  }),
  z.object({
    action: z.literal("answer"),
    ...refIds,
    /** One entry per question: text, the options picked (multi-select), or null to skip it. */
    response: z
      .array(z.union([z.string().max(10_000), z.array(z.string().max(1_000)).max(50), z.null()]))
      .min(1)
      .max(50),
  }),
  z.object({ action: z.literal("skip"), ...refIds, instruction: z.string().max(10_000).optional() }),
  z.object({
    action: z.literal("rename"),
    title: z.string().trim().min(1, "Give the run a title.").max(255),
  }),
  /** Commits every uncommitted session to the open pull request's branch. */
  z.object({ action: z.literal("commit") }),
  z.object({ action: z.literal("redeploy"), sessionId }),
  /** Discards every session after `sessionId`. */
  z.object({ action: z.literal("revert"), sessionId }),
  z.object({ action: z.literal("rebase") }),
]);
export type RunnerAction = z.infer<typeof runnerActionSchema>;
export type RunnerActionName = RunnerAction["action"];

export const runnerActionParamsSchema = z.object({
  runnerId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "not a runner id"),
});
