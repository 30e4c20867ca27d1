import { z } from "zod";
import type { Session } from "@/db/schema";
import {
  isAuthorizationInteraction,
  isQuestionInteraction,
  netlifyInteractionSchema,
} from "@/lib/netlify/interaction-schemas";
import type { SessionInteraction, SessionView } from "./runner-detail-schemas";

/*
 * A cached session as the run's page shows it. Steps and usage have no column of their own: they
 * are read from the stored upstream payload, leniently, since Netlify may change their shape.
 */

const upstreamExtrasSchema = z.object({
  steps: z
    .array(
      z.looseObject({ title: z.string().nullish().catch(null), message: z.string().nullish().catch(null) }),
    )
    .catch([]),
  usage: z
    .looseObject({
      total_credits_cost: z.number().nullish().catch(null),
      total_tokens: z.number().int().nullish().catch(null),
    })
    .nullish()
    .catch(null),
});

/** The pages' limit on steps kept per session: a long run can take thousands. */
const maxSteps = 200;

function interactionsOf(session: Pick<Session, "interactions">): SessionInteraction[] {
  return Object.entries(session.interactions ?? {}).map(([refId, stored]) => {
    const parsed = netlifyInteractionSchema.safeParse(stored);
    const base = { refId, status: String(stored.status ?? "unknown"), provider: null, message: null };
    if (!parsed.success) return { ...base, kind: "other", questions: [], instruction: null };
    const interaction = parsed.data;
    const instruction = interaction.instruction ?? null;
    if (isQuestionInteraction(interaction)) {
      const answers = interaction.response ?? [];
      return {
        ...base,
        kind: "questions",
        instruction,
        questions: interaction.payload.map((item, index) => ({
          question: item.question,
          options: item.options ?? [],
          answer: answers[index] ?? null,
        })),
      };
    }
    if (isAuthorizationInteraction(interaction)) {
      const request = interaction.payload[0];
      return {
        ...base,
        kind: "authorization",
        instruction,
        questions: [],
        provider: request?.provider ?? null,
        message: request?.message ?? null,
      };
    }
    return { ...base, kind: "other", questions: [], instruction };
  });
}

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

export function toSessionFacts(session: Session): Omit<SessionView, "abilities"> {
  const extras = upstreamExtrasSchema.parse(session.upstream ?? {});
  const usage = extras.usage;
  return {
    id: session.id,
    state: session.state,
    mode: session.mode,
    title: session.title,
    prompt: session.prompt,
    result: session.result,
    agent: session.agent,
    model: session.model,
    durationMs: session.durationMs,
    stepsCount: session.stepsCount,
    steps: extras.steps
      .slice(-maxSteps)
      .map((step) => ({ title: step.title ?? null, message: step.message ?? null })),
    deployUrl: session.deployUrl,
    commitSha: session.commitSha,
    sourceSessionId: session.sourceSessionId,
    isDiscarded: session.isDiscarded,
    isPublished: session.isPublished,
    hasResultDiff: session.hasResultDiff,
    hasCumulativeDiff: session.hasCumulativeDiff,
    interruptReason: session.interruptReason,
    creditMessage: session.creditLimitExceededMessage,
    interactions: interactionsOf(session),
    usage: usage ? { credits: usage.total_credits_cost ?? null, tokens: usage.total_tokens ?? null } : null,
    createdAt: session.upstreamCreatedAt.toISOString(),
    doneAt: iso(session.doneAt),
  };
}
