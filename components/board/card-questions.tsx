"use client";

import { type FormEvent, type ReactNode, useState } from "react";
import { useAnswerQuestion } from "@/lib/queries/runner-actions";
import { type BoardCard, type CardInteraction, netlifyRunUrl } from "@/lib/runners/board";
import { AgentText } from "./agent-text";

type Answer = string | string[] | null;

const button = "h-8 rounded-md border border-border px-2.5 text-xs font-medium hover:bg-surface-muted";

/** What a "Needs you" card waits on, answered right on the card. */
export function CardQuestions({
  card,
  interaction,
  canAnswer,
}: {
  card: BoardCard;
  interaction: CardInteraction;
  canAnswer: boolean;
}) {
  const answer = useAnswerQuestion();
  const base = { card, sessionId: interaction.sessionId, refId: interaction.refId };
  const skip = (
    <button
      type="button"
      className={button}
      disabled={!canAnswer || answer.isPending}
      onClick={() => answer.mutate({ ...base, skip: true })}
    >
      Skip
    </button>
  );
  if (interaction.kind === "authorization")
    return (
      <div className="flex flex-col gap-2 rounded-md bg-warn-soft p-2 text-xs text-warn-ink">
        <p>
          Wants access to {interaction.provider}: <AgentText text={interaction.message} />
        </p>
        <div className="flex gap-2">
          <a
            className={`${button} inline-flex items-center text-link`}
            href={netlifyRunUrl(card)}
            target="_blank"
            rel="noreferrer"
          >
            Connect in Netlify
          </a>
          {skip}
        </div>
      </div>
    );
  return (
    <QuestionForm
      {...{ card, interaction, canAnswer, skip }}
      onSend={(response) => answer.mutate({ ...base, response })}
      pending={answer.isPending}
    />
  );
}

function QuestionForm({
  card,
  interaction,
  canAnswer,
  skip,
  onSend,
  pending,
}: {
  card: BoardCard;
  interaction: Extract<CardInteraction, { kind: "questions" }>;
  canAnswer: boolean;
  skip: ReactNode;
  onSend: (response: Answer[]) => void;
  pending: boolean;
}) {
  const [answers, setAnswers] = useState<Answer[]>(() => interaction.questions.map(() => null));
  const set = (index: number, value: Answer) =>
    setAnswers((all) => all.map((old, at) => (at === index ? value : old)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSend(answers);
  };
  const ready = answers.some((value) => (Array.isArray(value) ? value.length > 0 : Boolean(value?.trim())));
  return (
    <form
      onSubmit={submit}
      aria-label={`Answer the questions of ${card.title ?? "this run"}`}
      className="flex flex-col gap-3 rounded-md bg-warn-soft p-2 text-xs text-warn-ink"
    >
      {interaction.questions.map((question, index) => {
        const id = `${card.id}-q${index}`;
        const value = answers[index];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: questions keep their order; answers are sent by position
          <fieldset key={index} className="flex flex-col gap-1.5" disabled={!canAnswer || pending}>
            <legend className="mb-1 font-medium">
              <AgentText text={question.question} />
            </legend>
            {question.options.length > 0 ? (
              <div className="flex flex-wrap gap-1.5">
                {question.options.map((option) => {
                  const picked = Array.isArray(value) ? value.includes(option) : value === option;
                  return (
                    <button
                      key={option}
                      type="button"
                      aria-pressed={picked}
                      className={`${button} ${picked ? "border-warn-ink bg-surface text-ink" : ""}`}
                      onClick={() => {
                        if (!question.multiSelect) return set(index, picked ? null : option);
                        const list = Array.isArray(value) ? value : [];
                        set(index, picked ? list.filter((item) => item !== option) : [...list, option]);
                      }}
                    >
                      {option}
                    </button>
                  );
                })}
              </div>
            ) : (
              <>
                <label htmlFor={id} className="sr-only">
                  Your answer
                </label>
                <textarea
                  id={id}
                  rows={2}
                  value={typeof value === "string" ? value : ""}
                  onChange={(event) => set(index, event.target.value || null)}
                  className="rounded-md border border-border bg-surface p-1.5 text-ink"
                />
              </>
            )}
          </fieldset>
        );
      })}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={!canAnswer || pending || !ready}
          className="h-8 rounded-md bg-accent px-2.5 text-xs font-medium text-accent-ink disabled:opacity-60"
        >
          Send answer
        </button>
        {skip}
      </div>
    </form>
  );
}
