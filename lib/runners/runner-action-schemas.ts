import { z } from "zod";
import { agents } from "@/db/schema/upstream-states";

/*
 * `POST /api/runners/{runnerId}/actions`: what the board (and later the run's page) asks of a
 * run. One body per action, told apart by `action`.
 */

const prompt = z
  .string()
  .trim()
  .min(1, "Write a prompt for the agent.")
  .max(100_000, "The prompt is longer than 100,000 characters.");

/** A follow-up's modes: build (`normal`) or answer without changing code (`ask`). */
export const followUpModes = ["normal", "ask"] as const;

const refIds = { sessionId: z.string().min(1).max(128), refId: z.string().min(1).max(256) };

export const runnerActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("stop") }),
  z.object({ action: z.literal("archive") }),
  z.object({ action: z.literal("create_pr") }),
  z.object({
    action: z.literal("follow_up"),
    prompt,
    agent: z.enum(agents).optional(),
    model: z.string().trim().min(1).max(200).optional(),
    mode: z.enum(followUpModes).default("normal"),
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
]);
export type RunnerAction = z.infer<typeof runnerActionSchema>;
export type RunnerActionName = RunnerAction["action"];

export const runnerActionParamsSchema = z.object({
  runnerId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "not a runner id"),
});
