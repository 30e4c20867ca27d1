import { z } from "zod";
import { boardCardSchema } from "./board-schemas";

/*
 * `GET /api/runners/{runnerId}`: one run for its page, from the cache. Parsed field by field on
 * the way out like the board's cards, so nothing else of a cached row reaches a browser. Every
 * text an agent wrote (titles, prompts, results, questions, steps) is untrusted: the page
 * renders it as text or sanitized Markdown.
 */

/** Whether an action can be taken now, and if not, the sentence saying why. */
export const abilitySchema = z.discriminatedUnion("allowed", [
  z.object({ allowed: z.literal(true) }),
  z.object({ allowed: z.literal(false), reason: z.string() }),
]);
export type Ability = z.infer<typeof abilitySchema>;

const questionAnsweredSchema = z.object({
  question: z.string(),
  options: z.array(z.string()),
  /** What the person answered: text, options picked, or null when skipped or not answered yet. */
  answer: z.union([z.string(), z.array(z.string())]).nullable(),
});

/** Something the agent asked during a session, and how it was settled. */
export const sessionInteractionSchema = z.object({
  refId: z.string(),
  kind: z.enum(["questions", "authorization", "other"]),
  status: z.string(),
  questions: z.array(questionAnsweredSchema),
  /** For an authorization request: the service and Netlify's words about it. */
  provider: z.string().nullable(),
  message: z.string().nullable(),
  /** The note sent along with a skip. */
  instruction: z.string().nullable(),
});
export type SessionInteraction = z.infer<typeof sessionInteractionSchema>;

export const sessionStepSchema = z.object({ title: z.string().nullable(), message: z.string().nullable() });

export const sessionViewSchema = z.object({
  id: z.string(),
  state: z.string(),
  mode: z.string(),
  title: z.string().nullable(),
  prompt: z.string().nullable(),
  /** The agent's Markdown summary (untrusted). */
  result: z.string().nullable(),
  agent: z.string().nullable(),
  model: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  stepsCount: z.number().int(),
  steps: z.array(sessionStepSchema),
  deployUrl: z.string().nullable(),
  commitSha: z.string().nullable(),
  sourceSessionId: z.string().nullable(),
  isDiscarded: z.boolean(),
  isPublished: z.boolean(),
  hasResultDiff: z.boolean(),
  hasCumulativeDiff: z.boolean(),
  interruptReason: z.string().nullable(),
  creditMessage: z.string().nullable(),
  interactions: z.array(sessionInteractionSchema),
  /** Credits and tokens, where Netlify reports them. */
  usage: z.object({ credits: z.number().nullable(), tokens: z.number().int().nullable() }).nullable(),
  createdAt: z.iso.datetime(),
  doneAt: z.iso.datetime().nullable(),
  abilities: z.object({ redeploy: abilitySchema, revert: abilitySchema }),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const runnerDetailSchema = boardCardSchema.extend({
  prBranch: z.string().nullable(),
  mergeCommitSha: z.string().nullable(),
  mergeCommitError: z.string().nullable(),
  mergeCommitIsBeingCreated: z.boolean(),
  rebaseAvailable: z.boolean(),
  isPublished: z.boolean(),
  netlifyUrl: z.string(),
});
export type RunnerDetail = z.infer<typeof runnerDetailSchema>;

/** The run-wide actions of the page, each with whether it can be taken now. */
export const runnerAbilitiesSchema = z.object({
  rename: abilitySchema,
  stop: abilitySchema,
  followUp: abilitySchema,
  answer: abilitySchema,
  createPr: abilitySchema,
  commit: abilitySchema,
  rebase: abilitySchema,
  archive: abilitySchema,
});
export type RunnerAbilities = z.infer<typeof runnerAbilitiesSchema>;

export const runnerDetailOutputSchema = z.object({
  runner: runnerDetailSchema,
  /** Oldest first, discarded ones included (greyed on the page). */
  sessions: z.array(sessionViewSchema),
  abilities: runnerAbilitiesSchema,
  /** The viewer's remembered diff layout. */
  diffLayout: z.enum(["unified", "split"]),
});
export type RunnerDetailOutput = z.infer<typeof runnerDetailOutputSchema>;
