import { AgentText } from "@/components/board/agent-text";
import type { SessionInteraction } from "@/lib/runners/runner-detail-schemas";

const answerText = (answer: string | string[] | null, status: string) =>
  answer === null
    ? status === "pending"
      ? "Not answered yet"
      : "Skipped"
    : Array.isArray(answer)
      ? answer.join(", ")
      : answer;

/** What the agent asked in a session and what it was told: the text is the agent's own, shown as text. */
export function SessionInteractions({ interactions }: { interactions: SessionInteraction[] }) {
  if (interactions.length === 0) return null;
  return (
    <div className="flex flex-col gap-2 rounded-md bg-surface-muted p-3 text-sm">
      {interactions.map((interaction) =>
        interaction.kind === "questions" ? (
          <dl key={interaction.refId} className="flex flex-col gap-1">
            {interaction.questions.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the questions of one interaction never reorder
              <div key={index}>
                <dt className="font-medium">
                  <AgentText text={item.question} />
                </dt>
                <dd className="text-ink-muted">{answerText(item.answer, interaction.status)}</dd>
              </div>
            ))}
            {interaction.instruction ? (
              <div>
                <dt className="font-medium">Note sent with the skip</dt>
                <dd className="text-ink-muted">{interaction.instruction}</dd>
              </div>
            ) : null}
          </dl>
        ) : interaction.kind === "authorization" ? (
          <p key={interaction.refId}>
            Asked for access to {interaction.provider ?? "a service"} ({interaction.status})
            {interaction.message ? (
              <>
                : <AgentText text={interaction.message} />
              </>
            ) : null}
          </p>
        ) : (
          <p key={interaction.refId} className="text-ink-muted">
            A request this app cannot show ({interaction.status}); see the run in Netlify.
          </p>
        ),
      )}
    </div>
  );
}
