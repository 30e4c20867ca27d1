import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { advance } from "../agent";
import { iso } from "../clock";
import { creditStatus } from "../credits";
import { publishProductionDeploy } from "../deploys";
import { paddedDiff, wideDiff } from "../diffs";
import { decodeSegment, type SimResponse } from "../http";
import { runnerState } from "../serialize";
import { latestWithDiff, sessionOutcomes } from "../store";
import type { ControlTarget } from "./control";
import { bad, isResponse, parse } from "./control";

/*
 * /__sim/ controls for the scenarios clients must survive: credit limits, forced outcomes of
 * the next sessions, pull requests and commits, a new production deploy, a state upstream may
 * add in future, a diff far larger than sessions make, and the demo team. Not part of Netlify's API.
 */

const limit = z.number().min(0).nullable().optional();
const actionOutcomes = z
  .array(z.enum(["ok", "error"]))
  .max(100)
  .default([]);

const schemas = {
  credits: z.object({
    token: z.string().optional(),
    team_limit: limit,
    user_limit: limit,
    max_active_runs: z.number().int().min(0).nullable().optional(),
    reset_usage: z.boolean().optional(),
  }),
  outcomes: z.object({
    sessions: z
      .array(
        z.union([
          z.enum(sessionOutcomes),
          z.object({
            questions: z
              .array(
                z.object({
                  question: z.string().min(1),
                  options: z.array(z.string().min(1)).min(2).optional(),
                  multi_select: z.boolean().optional(),
                }),
              )
              .min(1)
              .max(3),
          }),
        ]),
      )
      .max(100)
      .default([]),
    pull_requests: actionOutcomes,
    commits: actionOutcomes,
    /** Meant only for this runner (see `takeForced`). */
    runner_id: z.string().min(1).max(100).optional(),
    /** Meant only for runs whose first prompt contains this text. */
    prompt_includes: z.string().min(1).max(500).optional(),
  }),
  runnerState: z.object({ state: z.string().min(1).max(100).nullable() }),
  // Capped well below V8's longest string: the diff route holds a few copies of it at once.
  runnerDiff: z.union([
    z.strictObject({
      bytes: z
        .number()
        .int()
        .min(1)
        .max(128 * 1024 * 1024),
    }),
    // Many files of a few changed lines each: a wide refactor rather than one huge file.
    z.strictObject({
      files: z.number().int().min(1).max(20_000),
      lines_per_file: z.number().int().min(1).max(1_000),
    }),
  ]),
  team: z.object({ enabled: z.boolean() }),
};

const ok = (body: unknown): SimResponse => ({ status: 200, body });

/** Answers the scenario controls; undefined when the path is none of them. */
export async function handleScenarioControl(
  target: ControlTarget,
  method: string,
  path: string,
  request: IncomingMessage,
): Promise<SimResponse | undefined> {
  const { store } = target;
  advance(store);
  const stateControl = /^\/__sim\/runners\/([^/]+)\/state$/.exec(path);
  if (stateControl && method === "POST") {
    const runner = store.runners.get(decodeSegment(stateControl[1] ?? ""));
    if (!runner) return { status: 404, body: { error: "Runner not found" } };
    const input = await parse(request, schemas.runnerState);
    if (isResponse(input)) return input;
    runner.stateOverride = input.state;
    store.changed(runner);
    return ok({ id: runner.id, state: input.state });
  }
  const diffControl = /^\/__sim\/runners\/([^/]+)\/diff$/.exec(path);
  if (diffControl && method === "POST") {
    const runner = store.runners.get(decodeSegment(diffControl[1] ?? ""));
    if (!runner) return { status: 404, body: { error: "Runner not found" } };
    const input = await parse(request, schemas.runnerDiff);
    if (isResponse(input)) return input;
    const session = latestWithDiff(runner) ?? runner.sessions.findLast((candidate) => !candidate.isDiscarded);
    if (!session) return bad("the runner has no session to carry a diff");
    session.cumulativeDiff =
      "bytes" in input ? paddedDiff(input.bytes) : wideDiff(input.files, input.lines_per_file);
    store.changed(runner);
    return ok({ id: runner.id, session_id: session.id, bytes: Buffer.byteLength(session.cumulativeDiff) });
  }
  const productionDeploy = /^\/__sim\/sites\/([^/]+)\/production_deploy$/.exec(path);
  if (productionDeploy && method === "POST") {
    const site = store.sites.get(decodeSegment(productionDeploy[1] ?? ""));
    if (!site) return { status: 404, body: { error: "Site not found" } };
    const deployId = publishProductionDeploy(store, site);
    for (const runner of store.runnersBySite.get(site.id) ?? []) store.changed(runner);
    return ok({ site_id: site.id, deploy_id: deployId });
  }
  switch (`${method} ${path}`) {
    case "GET /__sim/credits":
      return setCredits(target, {});
    case "PUT /__sim/credits": {
      const input = await parse(request, schemas.credits);
      return isResponse(input) ? input : setCredits(target, input);
    }
    case "GET /__sim/outcomes":
      return ok(store.forced);
    case "POST /__sim/outcomes": {
      const input = await parse(request, schemas.outcomes);
      if (isResponse(input)) return input;
      const target = { runnerId: input.runner_id ?? null, promptIncludes: input.prompt_includes ?? null };
      const meant = <T>(outcome: T) => ({ outcome, ...target });
      store.forced.sessions.push(...input.sessions.map(meant));
      store.forced.pullRequests.push(...input.pull_requests.map(meant));
      store.forced.commits.push(...input.commits.map(meant));
      return ok(store.forced);
    }
    case "DELETE /__sim/outcomes":
      store.forced.sessions.length = 0;
      store.forced.pullRequests.length = 0;
      store.forced.commits.length = 0;
      return { status: 204 };
    case "GET /__sim/team":
      return ok(teamStatus(target));
    case "PUT /__sim/team": {
      const input = await parse(request, schemas.team);
      if (isResponse(input)) return input;
      if (!store.team) return bad("the simulator has no team: it runs with the demo seed only");
      store.team.enabled = input.enabled;
      return ok(teamStatus(target));
    }
    default:
      return undefined;
  }
}

function setCredits(target: ControlTarget, input: z.infer<typeof schemas.credits>): SimResponse {
  const { store } = target;
  const user = store.userForToken(input.token ?? target.token);
  const account = user?.accountIds[0] ? store.accounts.get(user.accountIds[0]) : undefined;
  if (!user || !account) return bad("unknown token");
  const { credits } = account;
  if (input.team_limit !== undefined) credits.teamLimit = input.team_limit;
  if (input.user_limit !== undefined) credits.userLimits.set(user.id, input.user_limit);
  if (input.max_active_runs !== undefined) credits.maxActiveRuns = input.max_active_runs;
  if (input.reset_usage) {
    credits.teamUsed = 0;
    credits.usedByUser.clear();
  }
  store.changed();
  return ok(creditStatus(store, account, user.id));
}

function teamStatus({ store }: ControlTarget) {
  const team = store.team;
  if (!team) return { enabled: false, members: [] };
  const runs = team.runs();
  const byState: Record<string, number> = {};
  for (const runner of runs) {
    const state = runnerState(runner);
    byState[state] = (byState[state] ?? 0) + 1;
  }
  return {
    enabled: team.enabled,
    members: team.members.map((member) => ({ id: member.id, full_name: member.full_name })),
    next_action_at: team.nextActionAt === null ? null : iso(team.nextActionAt),
    runs_on_board: runs.length,
    runs_by_state: byState,
    activity: team.activity,
  };
}
