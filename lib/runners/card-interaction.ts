import type { StoredInteractions } from "@/db/schema/sessions";
import {
  isAuthorizationInteraction,
  isQuestionInteraction,
  netlifyInteractionSchema,
} from "@/lib/netlify/interaction-schemas";
import type { CardInteraction } from "./board";

/**
 * The first pending interaction of a session, as a card shows it; null when nothing is pending
 * or what is pending cannot be read (the card then links to Netlify instead of guessing).
 */
export function cardInteraction(sessionId: string, interactions: StoredInteractions): CardInteraction | null {
  for (const [refId, stored] of Object.entries(interactions ?? {})) {
    const parsed = netlifyInteractionSchema.safeParse(stored);
    if (!parsed.success || parsed.data.status !== "pending") continue;
    const interaction = parsed.data;
    if (isQuestionInteraction(interaction))
      return {
        kind: "questions",
        sessionId,
        refId,
        questions: interaction.payload.map((item) => ({
          question: item.question,
          options: item.options ?? [],
          multiSelect: item.multi_select ?? false,
        })),
      };
    if (isAuthorizationInteraction(interaction)) {
      const request = interaction.payload[0];
      return {
        kind: "authorization",
        sessionId,
        refId,
        provider: request?.provider ?? "a service",
        message: request?.message ?? "",
      };
    }
  }
  return null;
}
