import { describe, expect, it } from "vitest";
import { describeNetlifyError } from "./error-sentences";
import { apiError, useContractSimulator } from "./testing/contract-fixture";

describe("credits contract: limits, interruptions and the codes clients turn into sentences", () => {
  const contract = useContractSimulator();

  const start = async (prompt = "Add a contact form") =>
    contract.client.runners.create({ siteId: await contract.siteId("aurora-storefront"), prompt });

  it("interrupts running sessions when the team's credits run out, with the reason and a message", async () => {
    const { client } = contract;
    await contract.forceSessions("done", "done");
    const [first, second] = [await start(), await start("Add dark mode")];
    await contract.setCredits({ team_limit: 0.5 });
    await contract.finishSessions();
    for (const runner of [first, second]) {
      const snapshot = await client.runners.snapshot(runner.id);
      expect(snapshot.agent_runner.state).toBe("interrupted");
      expect(snapshot.activity_state).toBe("terminal");
      expect(snapshot.sessions[0]).toMatchObject({
        state: "interrupted",
        interrupt_reason: "credit_limit",
        credit_limit_exceeded: true,
        credit_limit_exceeded_message: expect.stringContaining("AI credits"),
        current_task: null,
      });
    }
    const status = (await contract.setCredits({})) as { team_used: number; team_limit: number };
    expect(status.team_used).toBeGreaterThanOrEqual(status.team_limit);
  });

  it("refuses new runs and follow-ups with 429 ai_credit_limit_exceeded once the team is out of credits", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    await contract.setCredits({ team_limit: 0 });
    const create = await apiError(start());
    expect(create).toMatchObject({ status: 429, errorCode: "ai_credit_limit_exceeded" });
    expect(describeNetlifyError(create)).toMatch(/team.*out of AI credits/i);
    const followUp = await apiError(client.sessions.create(runner.id, { prompt: "More" }));
    expect(followUp).toMatchObject({ status: 429, errorCode: "ai_credit_limit_exceeded" });
    // Credits back: the interrupted or finished run takes a follow-up again.
    await contract.setCredits({ team_limit: null });
    expect((await client.sessions.create(runner.id, { prompt: "More" })).state).toBe("running");
  });

  it("refuses with 429 ai_credit_limit_reached at a personal limit, and 403 ai_credit_limit_disabled at a limit of 0", async () => {
    await contract.setCredits({ user_limit: 0.01 });
    await contract.forceSessions("done");
    await start();
    await contract.finishSessions();
    const reached = await apiError(start());
    expect(reached).toMatchObject({ status: 429, errorCode: "ai_credit_limit_reached" });
    expect(describeNetlifyError(reached)).toMatch(/personal/i);

    await contract.setCredits({ user_limit: 0 });
    const disabled = await apiError(start());
    expect(disabled).toMatchObject({ status: 403, errorCode: "ai_credit_limit_disabled" });
    expect(describeNetlifyError(disabled)).toMatch(/limit.*0|owner/i);
  });

  it("refuses with a bare 429 at the team's cap of active runs, and takes the run once one ends", async () => {
    const { client } = contract;
    const active = (await contract.setCredits({})) as { active_runs: number };
    await contract.setCredits({ max_active_runs: active.active_runs + 1 });
    const running = await start();
    const capped = await apiError(start("One too many"));
    expect(capped.status).toBe(429);
    expect(capped.errorCode).toBeUndefined();
    expect(describeNetlifyError(capped)).toMatch(/too many/i);
    await client.runners.stop(running.id);
    expect((await start("Now there is room")).state).toBe("running");
  });

  it("reports usage with the credits a finished session cost, counted against the team and the person", async () => {
    // Another account: no seeded runs spending credits alongside.
    const other = await contract.otherAccount("credits-token", [
      { name: "quiet-site", code_origin: "github" },
    ]);
    await contract.forceSessions("done");
    const runner = await other.client.runners.create({
      siteId: other.siteIds[0] ?? "",
      prompt: "Add a form",
    });
    await contract.finishSessions();
    const [session] = await other.client.sessions.listAll(runner.id);
    const cost = session?.usage?.total_credits_cost ?? 0;
    expect(cost).toBeGreaterThan(0);
    const status = (await contract.setCredits({ token: "credits-token" })) as {
      team_used: number;
      user_used: number;
    };
    expect(status.team_used).toBeCloseTo(cost, 2);
    expect(status.user_used).toBe(status.team_used);
  });
});
