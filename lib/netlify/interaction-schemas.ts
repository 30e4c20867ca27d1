import { z } from "zod";
import { nullableString, openString, timestamp } from "./wire-primitives";

/* What the agent asks of a person (research notes §7.2), keyed by refId on a session. */

export const interactionTypes = ["question", "authorization"] as const;
export const interactionStatuses = ["pending", "answered", "skipped"] as const;
export type InteractionType = (typeof interactionTypes)[number];
export type InteractionStatus = (typeof interactionStatuses)[number];

/** One question the agent asks; no `options` means a free-text answer. The text is the agent's own: untrusted. */
export const netlifyQuestionSchema = z.looseObject({
  question: z.string(),
  options: z.array(z.string()).optional(),
  multi_select: z.boolean().optional(),
});
export type NetlifyQuestion = z.infer<typeof netlifyQuestionSchema>;

/** A request to connect a service in Netlify's UI; through the API it can only be skipped. */
export const netlifyAuthorizationRequestSchema = z.looseObject({
  provider: z.string(),
  message: z.string(),
});

/** An answer as sent: one entry per question, a list for multi-select, null for a skipped question. */
export const netlifyAnswerResponseSchema = z.array(z.union([z.string(), z.array(z.string()), z.null()]));

const interactionFields = {
  status: openString<InteractionStatus>(),
  instruction: nullableString.optional(),
  created_at: timestamp.nullable().optional(),
  answered_at: timestamp.nullable().optional(),
};

export const netlifyQuestionInteractionSchema = z.looseObject({
  ...interactionFields,
  type: z.literal("question"),
  payload: z.array(netlifyQuestionSchema).default([]),
  response: netlifyAnswerResponseSchema.nullable().optional(),
});
export type NetlifyQuestionInteraction = z.infer<typeof netlifyQuestionInteractionSchema>;

export const netlifyAuthorizationInteractionSchema = z.looseObject({
  ...interactionFields,
  type: z.literal("authorization"),
  payload: z.array(netlifyAuthorizationRequestSchema).default([]),
  response: z.unknown().optional(),
});
export type NetlifyAuthorizationInteraction = z.infer<typeof netlifyAuthorizationInteractionSchema>;

/**
 * Something the agent waits on, keyed by its `refId` in `interactions`. The two documented kinds
 * are validated; a kind Netlify adds later parses with its payload unread. A documented kind
 * never falls through to that last form, which is what makes the guards below sound.
 */
export const netlifyInteractionSchema = z.union([
  netlifyQuestionInteractionSchema,
  netlifyAuthorizationInteractionSchema,
  z.looseObject({
    ...interactionFields,
    type: z
      .string()
      .min(1)
      .refine((type) => !(interactionTypes as readonly string[]).includes(type)),
    payload: z.array(z.unknown()).default([]),
    response: z.unknown().optional(),
  }),
]);
export type NetlifyInteraction = z.infer<typeof netlifyInteractionSchema>;

// `type === "question"` alone cannot narrow: the open form's `type` is any string.
export const isQuestionInteraction = (
  interaction: NetlifyInteraction,
): interaction is NetlifyQuestionInteraction => interaction.type === "question";
export const isAuthorizationInteraction = (
  interaction: NetlifyInteraction,
): interaction is NetlifyAuthorizationInteraction => interaction.type === "authorization";

/** The kind given to an interaction whose documented shape does not parse: kept, its payload unread. */
export const unreadableInteractionType = "unreadable";

const statusOf = (input: unknown): string => {
  const status =
    typeof input === "object" && input !== null ? (input as { status?: unknown }).status : undefined;
  return typeof status === "string" && status !== "" ? status : "pending";
};

/**
 * A session's interactions. The payloads are the agent's own output (§7.9): one malformed
 * interaction must not make the whole session, its snapshot or a page of sessions unreadable,
 * so it degrades to the open form, which the guards above never mistake for a documented kind.
 */
export const netlifyInteractionsSchema = z.record(
  z.string(),
  netlifyInteractionSchema.catch((ctx) => ({
    type: unreadableInteractionType,
    status: statusOf(ctx.input),
    payload: [],
  })),
);
export type NetlifyInteractions = z.infer<typeof netlifyInteractionsSchema>;
