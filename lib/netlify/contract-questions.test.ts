import { describe, expect, it } from "vitest";
import { isQuestionInteraction } from "./schemas";
import { apiError, sessionMaxMs, useContractSimulator } from "./testing/contract-fixture";

describe("questions contract: await_input, interactions and POST …/answers", () => {
  const contract = useContractSimulator();

  it("a session that stops to ask puts session and runner in await_input with one pending question interaction", async () => {
    const { runner, session, refId, interaction } = await contract.waitingRunner("aurora-storefront");
    expect(session.state).toBe("await_input");
    expect(refId).toMatch(/^ref_[0-9a-f]{12}$/);
    expect(interaction).toMatchObject({ type: "question", status: "pending" });
    if (!isQuestionInteraction(interaction)) throw new Error("expected a question");
    expect(interaction.payload.length).toBeGreaterThanOrEqual(1);
    expect(interaction.payload.length).toBeLessThanOrEqual(3);
    for (const question of interaction.payload) expect(question.question).toEqual(expect.any(String));
    expect(await contract.client.runners.get(runner.id)).toMatchObject({
      state: "await_input",
      latest_session_state: "await_input",
      done_at: null,
    });
    // Waiting is not finishing: time alone never moves it on.
    await contract.advance(10 * sessionMaxMs);
    expect((await contract.client.sessions.get(runner.id, session.id)).state).toBe("await_input");
  });

  it("answering every question resumes the session (running), records the answers, and it then finishes", async () => {
    const { client } = contract;
    const { runner, session, refId, interaction } = await contract.waitingRunner("aurora-storefront");
    if (!isQuestionInteraction(interaction)) throw new Error("expected a question");
    // A choice where there are options (a list where several may be picked), free text otherwise; null skips the last.
    const response = interaction.payload.map((question, index) => {
      if (index > 0 && index === interaction.payload.length - 1) return null;
      if (!question.options) return "Thanks for your message!";
      return question.multi_select ? question.options.slice(0, 2) : (question.options[0] as string);
    });
    const resumed = await client.sessions.answer(runner.id, session.id, { refId, response });
    expect(resumed.state).toBe("running");
    expect(resumed.interactions?.[refId]).toMatchObject({ status: "answered", response });
    expect((await client.runners.get(runner.id)).state).toBe("running");
    await contract.finishSessions();
    expect((await client.sessions.get(runner.id, session.id)).state).toBe("done");
  });

  it("skipping a question or an authorization with an instruction resumes the session", async () => {
    const { client } = contract;
    for (const kind of ["question", "authorization"] as const) {
      const { runner, session, refId, interaction } = await contract.waitingRunner("field-notes-blog", kind);
      expect(interaction.type).toBe(kind);
      const resumed = await client.sessions.answer(runner.id, session.id, {
        refId,
        skipped: true,
        instruction: "Use the public package instead",
      });
      expect(resumed.state).toBe("running");
      expect(resumed.interactions?.[refId]).toMatchObject({
        status: "skipped",
        instruction: "Use the public package instead",
      });
    }
  });

  it("an authorization can only be skipped: answering it is 422 and changes nothing", async () => {
    const { runner, session, refId, interaction } = await contract.waitingRunner(
      "aurora-storefront",
      "authorization",
    );
    expect(interaction.payload).toEqual([{ provider: expect.any(String), message: expect.any(String) }]);
    const error = await apiError(
      contract.client.sessions.answer(runner.id, session.id, { refId, response: ["yes"] }),
    );
    expect(error).toMatchObject({
      status: 422,
      message: "An authorization request can only be skipped through the API",
    });
    expect((await contract.client.sessions.get(runner.id, session.id)).state).toBe("await_input");
  });

  it("refuses bad answers with a 4xx {error} and leaves the run exactly as it was", async () => {
    const { client } = contract;
    const { runner, session, refId, interaction } = await contract.waitingRunner("aurora-storefront", {
      questions: [
        { question: "Email or Netlify Forms?", options: ["Email", "Netlify Forms"] },
        { question: "Which pages?", options: ["Home", "Blog", "Docs"], multi_select: true },
        { question: "What should the confirmation say?" },
      ],
    });
    if (!isQuestionInteraction(interaction)) throw new Error("expected a question");
    const questions = interaction.payload;
    const before = await client.runners.snapshot(runner.id);
    const answers = `/agent_runners/${runner.id}/sessions/${session.id}/answers`;
    const post = (body: unknown) =>
      contract.raw(answers, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect(questions.map((question) => question.question)).toEqual([
      "Email or Netlify Forms?",
      "Which pages?",
      "What should the confirmation say?",
    ]);
    const cases: Array<[string, unknown, number]> = [
      ["wrong number of entries", { refId, response: [...questions.map(() => null), null] }, 422],
      ["no entries", { refId, response: [] }, 422],
      ["both response and skipped", { refId, response: questions.map(() => null), skipped: true }, 422],
      ["neither response nor skipped", { refId }, 400],
      ["no refId", { response: questions.map(() => null) }, 400],
      ["an unknown refId", { refId: "ref_000000000000", response: questions.map(() => null) }, 404],
      ["skipped: false", { refId, skipped: false }, 422],
      [
        "an instruction without skipping",
        { refId, response: questions.map(() => null), instruction: "x" },
        422,
      ],
      ["a number as an answer", { refId, response: questions.map(() => 42) }, 422],
    ];
    cases.push(
      ["a choice outside the options", { refId, response: ["Fax", null, null] }, 422],
      ["a list for a single-choice question", { refId, response: [["Email"], null, null] }, 422],
      ["a multi-select choice outside the options", { refId, response: [null, ["Home", "Shop"], null] }, 422],
      ["an empty free-text answer", { refId, response: [null, null, "  "] }, 422],
    );
    for (const [name, body, status] of cases) {
      const answer = await post(body);
      expect(answer.status, name).toBe(status);
      expect(await answer.json(), name).toEqual({ error: expect.any(String) });
    }
    const malformed = await contract.raw(answers, { method: "POST", body: "{not json" });
    expect(malformed.status).toBe(400);
    const after = await client.runners.snapshot(runner.id);
    expect(after.state_version).toBe(before.state_version);
    expect(after.sessions[0]?.interactions?.[refId]?.status).toBe("pending");
  });

  it("refuses answers to a session that is not waiting: finished, or running again after an answer (422)", async () => {
    const { client } = contract;
    const done = await contract.finishedRunner("aurora-storefront");
    const [finished] = await client.sessions.listAll(done.id);
    const notWaiting = await apiError(
      client.sessions.answer(done.id, finished?.id ?? "", { refId: "ref_000000000000", skipped: true }),
    );
    expect(notWaiting).toMatchObject({ status: 422, message: "The session is done, not waiting for input" });

    const { runner, session, refId } = await contract.waitingRunner("aurora-storefront");
    await client.sessions.answer(runner.id, session.id, { refId, skipped: true });
    const again = await apiError(client.sessions.answer(runner.id, session.id, { refId, skipped: true }));
    expect(again).toMatchObject({ status: 422, message: "The session is running, not waiting for input" });
    expect(
      await apiError(client.sessions.answer(runner.id, "ffffffffffffffffffffffff", { refId, skipped: true })),
    ).toMatchObject({
      status: 404,
    });
  });

  it("stopping a waiting run cancels it and settles its question as skipped", async () => {
    const { runner, session, refId } = await contract.waitingRunner("docs-portal");
    await contract.client.runners.stop(runner.id);
    const stopped = await contract.client.sessions.get(runner.id, session.id);
    expect(stopped.state).toBe("cancelled");
    expect(stopped.interactions?.[refId]?.status).toBe("skipped");
    expect((await contract.client.runners.get(runner.id)).state).toBe("cancelled");
  });

  it("answering once the team is out of credits is refused with 429 and charges nothing", async () => {
    const { client } = contract;
    const { runner, session, refId } = await contract.waitingRunner("aurora-storefront");
    const { team_used: used } = (await contract.setCredits({ team_limit: 0 })) as { team_used: number };
    const refused = await apiError(client.sessions.answer(runner.id, session.id, { refId, skipped: true }));
    expect(refused).toMatchObject({ status: 429, errorCode: "ai_credit_limit_exceeded" });
    expect((await client.sessions.get(runner.id, session.id)).state).toBe("await_input");
    await contract.finishSessions();
    expect(((await contract.setCredits({})) as { team_used: number }).team_used).toBe(used);
  });
});
