import { type APIRequestContext, expect } from "@playwright/test";
import { readDemoHandoff } from "./demo-handoff";

type SessionOutcome = "done" | "error" | "build_failure" | "question" | "authorization";

/**
 * The demo simulator's `/__sim/*` controls (lib/netlify-sim/routes/control*.ts), for tests that
 * need runners in a given state now rather than after minutes of simulated work. The clock and
 * the team are shared by every test of the run: move them only as far as a test needs.
 */
interface ForcedOutcomes {
  sessions?: Array<SessionOutcome | { questions: Array<{ question: string; options?: string[] }> }>;
  pull_requests?: Array<"ok" | "error">;
}

export class SimulatorControls {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly origin: string,
  ) {}

  /** The controls of the simulator the running launcher started. */
  static ofRunningDemo(request: APIRequestContext): SimulatorControls {
    return new SimulatorControls(request, new URL(readDemoHandoff().apiUrl).origin);
  }

  /**
   * Queues the outcomes of the next sessions started outside the team and of the next pull
   * requests, meant for one run only (by id, or by its first prompt): other tests share the simulator.
   */
  async forceOutcomes(outcomes: ForcedOutcomes & ({ runner_id: string } | { prompt_includes: string })) {
    await this.send("POST", "/__sim/outcomes", outcomes);
  }

  /** Makes the next matching API calls fail as `plan` says (see the simulator's FaultPlan). */
  async injectFault(plan: { pathPrefix: string; errorStatus: number; errorBody?: unknown; count?: number }) {
    await this.send("PUT", "/__sim/faults", { errorRate: 1, ...plan });
  }

  async clearFaults(): Promise<void> {
    await this.send("DELETE", "/__sim/faults");
  }

  /** Moves the simulated clock on: every session, pull request and commit due by then lands. */
  async advanceClock(ms: number): Promise<void> {
    await this.send("POST", "/__sim/clock", { advance_ms: ms });
  }

  /** Puts one runner in `state` upstream as if it had got there by itself; null lets it follow its sessions again. */
  async setRunnerState(runnerId: string, state: string | null): Promise<void> {
    await this.send("POST", `/__sim/runners/${encodeURIComponent(runnerId)}/state`, { state });
  }

  /** Gives the run a diff of `files` files of `lines_per_file` changed lines each (its latest session's cumulative diff). */
  async setWideDiff(runnerId: string, shape: { files: number; lines_per_file: number }): Promise<void> {
    await this.send("POST", `/__sim/runners/${encodeURIComponent(runnerId)}/diff`, shape);
  }

  /** Turns the demo team on or off; answers whether it was on, to put it back afterwards. */
  async setTeam(enabled: boolean): Promise<boolean> {
    const before = (await this.send("GET", "/__sim/team")) as { enabled: boolean };
    await this.send("PUT", "/__sim/team", { enabled });
    return before.enabled;
  }

  private async send(method: string, path: string, data?: unknown): Promise<unknown> {
    const answer = await this.request.fetch(`${this.origin}${path}`, { method, data });
    expect(answer.ok(), `${method} ${path}: ${answer.status()} ${await answer.text()}`).toBe(true);
    return answer.status() === 204 ? undefined : answer.json();
  }
}
