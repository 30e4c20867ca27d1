import { activeRunnerStates } from "@/db/schema/upstream-states";
import { openPrStates } from "./board";
import type { BoardAbilities } from "./board-moves";
import type { RunnerActionName } from "./runner-action-schemas";
import type { Ability, RunnerAbilities, RunnerDetail, SessionView } from "./runner-detail-schemas";

/*
 * Which actions a run's page offers, from Netlify's rules (research notes §4–§7) and the
 * person's role. A disabled action always says why, so nobody has to guess; the server still
 * has the last word (Netlify may refuse for reasons the cache cannot know, e.g. credits).
 */

type SessionFacts = Omit<SessionView, "abilities">;

const yes: Ability = { allowed: true };
type Refusal = Extract<Ability, { allowed: false }>;
const no = (reason: string): Refusal => ({ allowed: false, reason });

const activeStates: ReadonlySet<string> = new Set(activeRunnerStates);
const isActive = (state: string) => activeStates.has(state);
const lookOnly = no("Your role can look at runs but not change them.");
const noDeploy = no("This needs deploy rights, which your role does not have.");

/** What `agent_runners:deploy` covers: pull requests, commits and deploys. */
const deployActions: ReadonlySet<RunnerActionName> = new Set(["create_pr", "commit", "redeploy"]);

/** Why the person's role forbids `action`, or undefined. The server asks the same before calling Netlify. */
export function roleRefusal(action: RunnerActionName, viewer: BoardAbilities): Refusal | undefined {
  if (!viewer.write) return lookOnly;
  if (deployActions.has(action) && !viewer.deploy) return noDeploy;
  return undefined;
}

/** The first reason `action` on the run cannot start, or undefined. */
function blocked(
  action: RunnerActionName,
  runner: RunnerDetail,
  viewer: BoardAbilities,
): Ability | undefined {
  const refused = roleRefusal(action, viewer);
  if (refused) return refused;
  if (runner.state === "archived") return no("The run is archived.");
  return undefined;
}

function followUp(runner: RunnerDetail): Ability {
  if (isActive(runner.state))
    return no(
      runner.state === "await_input"
        ? "The agent is waiting on an answer: answer or skip its question first."
        : "A session is still running: wait for it to finish or stop it.",
    );
  if (runner.isPublished || runner.mergeCommitIsBeingCreated)
    return no("The run was published to production: it takes no more prompts.");
  if (runner.prState === "merged") return no("The pull request was merged: start a new run instead.");
  return yes;
}

/** Netlify opens the pull request from the latest finished session with changes (research notes §4.6). */
const hasChanges = (runner: RunnerDetail, sessions: readonly SessionFacts[]) =>
  runner.hasDiff ||
  sessions.some(
    (session) =>
      !session.isDiscarded &&
      session.state === "done" &&
      (session.hasResultDiff || session.hasCumulativeDiff),
  );

function createPr(runner: RunnerDetail, sessions: readonly SessionFacts[]): Ability {
  if (runner.prUrl || runner.prIsBeingCreated) return no("The run already has a pull request.");
  if (runner.state !== "done") return no("Only a finished run can open a pull request.");
  if (!hasChanges(runner, sessions))
    return no("The run changed no code, so there is nothing to open a pull request with.");
  return yes;
}

function commit(runner: RunnerDetail, sessions: readonly SessionFacts[]): Ability {
  if (runner.prState === "merged" || runner.prState === "closed")
    return no(`The pull request is ${runner.prState}: commits go to an open one's branch.`);
  if (!runner.prBranch || !runner.prState || !openPrStates.has(runner.prState))
    return no("Commits go to an open pull request's branch; open one first.");
  if (runner.state !== "done") return no("Wait for the current session to finish.");
  if (runner.mergeCommitIsBeingCreated) return no("Publishing to production is in progress.");
  const uncommitted = sessions.some(
    (session) => !session.isDiscarded && session.hasResultDiff && !session.commitSha,
  );
  if (!uncommitted) return no("Every change is already on the pull request's branch.");
  return yes;
}

/** The actions on the run as a whole. */
export function runnerAbilities(
  runner: RunnerDetail,
  sessions: readonly SessionFacts[],
  viewer: BoardAbilities,
): RunnerAbilities {
  const canAnswer = runner.interaction !== null;
  const unless = (action: RunnerActionName, rule: () => Ability) => blocked(action, runner, viewer) ?? rule();
  return {
    rename: roleRefusal("rename", viewer) ?? yes,
    stop: unless("stop", () => (isActive(runner.state) ? yes : no("The run is not running."))),
    followUp: unless("follow_up", () => followUp(runner)),
    answer: unless("answer", () => (canAnswer ? yes : no("The agent is not waiting on an answer."))),
    createPr: unless("create_pr", () => createPr(runner, sessions)),
    commit: unless("commit", () => commit(runner, sessions)),
    rebase: unless("rebase", () =>
      isActive(runner.state)
        ? no("Wait for the current session to finish.")
        : runner.rebaseAvailable && hasChanges(runner, sessions)
          ? yes
          : no("Rebasing is only offered when the site's production deploy changed since the run started."),
    ),
    archive: unless("archive", () =>
      isActive(runner.state) ? no("Stop the run before archiving it.") : yes,
    ),
  };
}

/** Redeploy and revert, for one session of the run. */
export function sessionAbilities(
  runner: RunnerDetail,
  sessions: readonly SessionFacts[],
  index: number,
  viewer: BoardAbilities,
): SessionView["abilities"] {
  const session = sessions[index];
  if (!session) return { redeploy: no("No such session."), revert: no("No such session.") };
  if (session.isDiscarded) {
    const discarded = no("This session was discarded by a revert.");
    return { redeploy: discarded, revert: discarded };
  }
  const running = isActive(runner.state) ? no("Wait for the current session to finish.") : undefined;
  const redeploy =
    blocked("redeploy", runner, viewer) ??
    running ??
    (session.state !== "done"
      ? no("Only a finished session can be redeployed.")
      : session.hasCumulativeDiff
        ? yes
        : no("This session has no changes to deploy."));
  const later = sessions.slice(index + 1).filter((candidate) => !candidate.isDiscarded);
  const revert =
    blocked("revert", runner, viewer) ??
    running ??
    (index === 0
      ? no("The first session cannot be reverted to.")
      : later.length === 0
        ? no("This is already the latest session.")
        : sessions.some((candidate) => candidate.commitSha)
          ? no("Sessions were committed to a branch, so the run cannot be reverted.")
          : yes);
  return { redeploy, revert };
}
