import { z } from "zod";

/*
 * The board's API, in and out. Cards are parsed field by field on the way out, so nothing else
 * of a cached runner (its upstream payload, the key's id) reaches a browser, and dates are ISO
 * strings, never Date objects.
 */

/** `GET /api/board/changes?since=<n>`: the board change number the browser has seen. */
export const boardChangesQuerySchema = z.object({
  since: z
    .string()
    .regex(/^\d{1,15}$/, "expected a whole number")
    .transform(Number),
});

/** `GET /api/board?archived=1`: archived runners are sent only when the board shows them. */
export const boardQuerySchema = z.object({
  archived: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
});

const cardQuestionSchema = z.object({
  question: z.string(),
  options: z.array(z.string()),
  multiSelect: z.boolean(),
});

const cardInteractionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("questions"),
    sessionId: z.string(),
    refId: z.string(),
    questions: z.array(cardQuestionSchema),
  }),
  z.object({
    kind: z.literal("authorization"),
    sessionId: z.string(),
    refId: z.string(),
    provider: z.string(),
    message: z.string(),
  }),
]);

const cardStarterSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("key"), name: z.string() }),
  z.object({
    kind: z.literal("person"),
    name: z.string(),
    userId: z.string().nullable(),
    netlifyUserId: z.string().nullable(),
  }),
]);

export const boardCardSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  title: z.string().nullable(),
  state: z.string(),
  currentTask: z.string().nullable(),
  branch: z.string().nullable(),
  agent: z.string().nullable(),
  model: z.string().nullable(),
  prUrl: z.string().nullable(),
  prNumber: z.number().int().nullable(),
  prState: z.string().nullable(),
  prError: z.string().nullable(),
  prIsBeingCreated: z.boolean(),
  deployUrl: z.string().nullable(),
  hasDiff: z.boolean(),
  startedBy: cardStarterSchema.nullable(),
  failureReason: z.string().nullable(),
  interaction: cardInteractionSchema.nullable(),
  createdAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
  doneAt: z.iso.datetime().nullable(),
});

/** A connected site as the board's filters and create dialog list it. */
const boardSiteSchema = z.object({ id: z.string(), name: z.string(), reconnectNeeded: z.boolean() });

/** `GET /api/board`: the cards, the change number they are as fresh as, and who is looking. */
export const boardOutputSchema = z.object({
  cursor: z.number().int().min(0),
  cards: z.array(boardCardSchema),
  sites: z.array(boardSiteSchema),
  viewer: z.object({
    userId: z.string(),
    netlifyUserId: z.string().nullable(),
    write: z.boolean(),
    deploy: z.boolean(),
  }),
});
export type BoardOutput = z.infer<typeof boardOutputSchema>;

export const boardChangesOutputSchema = z.object({
  /** Ask with this next time. */
  cursor: z.number().int().min(0),
  /** Cards to add or replace, by id (archived ones included: the board hides them itself). */
  runners: z.array(boardCardSchema),
  /** Cards to drop: runners gone upstream, or of a site taken off the board. */
  removed: z.array(z.string()),
  /** True when there was more than one answer holds: ask again at once. */
  more: z.boolean(),
});
export type BoardChangesOutput = z.infer<typeof boardChangesOutputSchema>;
