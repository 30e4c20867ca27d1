import { z } from "zod";
import { resumeSession } from "./agent";
import { SimHttpError } from "./http";
import type { QuestionPrompt, SimRunner, SimSession } from "./model";
import type { SimStore } from "./store";

/*
 * POST …/sessions/{sid}/answers (research notes §7.5): answer every question of a pending
 * interaction (null skips one), or skip the whole interaction with an optional note. Every
 * check runs before anything changes, so a refused answer leaves the session as it was.
 */

const answerEntry = z.union([
  z.string().trim().min(1).max(4_000),
  z.array(z.string().min(1)).min(1),
  z.null(),
]);

export const answerBodySchema = z.object({
  refId: z.string().min(1, "refId is required"),
  response: z.array(answerEntry).optional(),
  skipped: z.literal(true).optional(),
  instruction: z.string().max(4_000).optional(),
});

export type AnswerBody = z.infer<typeof answerBodySchema>;

const issueText = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");

/** Parses an answer body: 400 when it is not an answer at all, 422 when it contradicts itself. */
export function parseAnswerBody(body: unknown): AnswerBody {
  const parsed = answerBodySchema.safeParse(body);
  if (!parsed.success) {
    const missingRef = parsed.error.issues.some((issue) => issue.path[0] === "refId");
    throw new SimHttpError(missingRef ? 400 : 422, issueText(parsed.error));
  }
  const answer = parsed.data;
  if (answer.response !== undefined && answer.skipped)
    throw new SimHttpError(422, "Send either response or skipped, not both");
  if (answer.response === undefined && !answer.skipped)
    throw new SimHttpError(400, "response or skipped is required");
  if (answer.instruction !== undefined && !answer.skipped)
    throw new SimHttpError(422, "instruction goes with skipped only");
  return answer;
}

function checkResponse(questions: QuestionPrompt[], response: NonNullable<AnswerBody["response"]>): void {
  if (response.length !== questions.length) {
    throw new SimHttpError(
      422,
      `response must have one entry per question: expected ${questions.length}, got ${response.length}`,
    );
  }
  response.forEach((entry, index) => {
    const question = questions[index] as QuestionPrompt;
    if (entry === null) return;
    const picked = Array.isArray(entry) ? entry : [entry];
    if (Array.isArray(entry) && !question.multi_select)
      throw new SimHttpError(422, `response[${index}]: question ${index + 1} takes one answer, not a list`);
    const options = question.options;
    if (options && picked.some((choice) => !options.includes(choice)))
      throw new SimHttpError(422, `response[${index}]: choose from ${options.join(", ")}`);
  });
}

/** Records the answer (or skip) and lets the agent go on. */
export function answerInteraction(
  store: SimStore,
  runner: SimRunner,
  session: SimSession,
  answer: AnswerBody,
  at = store.clock.now(),
): void {
  if (session.state !== "await_input")
    throw new SimHttpError(422, `The session is ${session.state}, not waiting for input`);
  const interaction = session.interactions.get(answer.refId);
  if (!interaction) throw new SimHttpError(404, "Interaction not found");
  if (interaction.status !== "pending")
    throw new SimHttpError(422, `The interaction was already ${interaction.status}`);
  if (answer.response !== undefined) {
    if (interaction.type !== "question")
      throw new SimHttpError(422, "An authorization request can only be skipped through the API");
    checkResponse(interaction.payload as QuestionPrompt[], answer.response);
    interaction.status = "answered";
    interaction.response = answer.response;
  } else {
    interaction.status = "skipped";
    if (answer.instruction) interaction.instruction = answer.instruction;
  }
  interaction.answeredAt = at;
  resumeSession(store, runner, session, at);
}
