import { iso } from "./clock";
import type { SimInteraction, SimRunner, SimSession, SimSite } from "./model";
import { activeSession, isActiveState, latestSession, latestWithDiff, type SimStore } from "./store";

/** The runner's state as upstream reports it: a test's override first, then archived, then the latest session. */
export function runnerState(runner: SimRunner): string {
  if (runner.stateOverride) return runner.stateOverride;
  return runner.archived ? "archived" : (latestSession(runner)?.state ?? "new");
}

/** Non-git sites only: production moved on since the run's changes were based, and there is a diff to move. */
export function rebaseAvailable(store: SimStore, runner: SimRunner): boolean {
  const site = store.siteOf(runner);
  if (site.codeOrigin !== "zip" || runner.baseProductionDeployId === site.productionDeployId) return false;
  return !activeSession(runner) && latestWithDiff(runner) !== undefined;
}

/** Where the run's deploy preview stands: pending while a session works on it, then its last build. */
function previewState(store: SimStore, runner: SimRunner): string | null {
  const latest = latestSession(runner);
  if (latest && isActiveState(latest.state) && latest.mode !== "ask") return "pending";
  for (let i = runner.sessions.length - 1; i >= 0; i--) {
    const session = runner.sessions[i];
    if (!session || session.isDiscarded) continue;
    if (session.deployId) return "ready";
    if (session.failedDeployId) return store.deploys.get(session.failedDeployId) ? "failed" : null;
  }
  return null;
}

/** A runner as the API returns it: the full live field set, lowercase enums, ISO timestamps with ms. */
export function runnerWire(store: SimStore, runner: SimRunner): Record<string, unknown> {
  const site = store.siteOf(runner);
  const latest = latestSession(runner);
  const active = activeSession(runner);
  const deployed = [...runner.sessions].reverse().find((session) => !session.isDiscarded && session.deployId);
  const done = latest && !isActiveState(latest.state);
  const wire: Record<string, unknown> = {
    id: runner.id,
    site_id: runner.siteId,
    site_name: site.name,
    state: runnerState(runner),
    title: runner.title,
    branch: runner.branch,
    result_branch: runner.prBranch,
    sha: runner.sha,
    code_origin: site.codeOrigin,
    parent_agent_runner_id: runner.parentAgentRunnerId,
    current_task: active?.currentTask ?? null,
    created_at: iso(runner.createdAt),
    updated_at: iso(runner.updatedAt),
    done_at: done && latest?.doneAt ? iso(latest.doneAt) : null,
    last_session_created_at: iso(runner.sessions.at(-1)?.createdAt ?? runner.createdAt),
    active_session_created_at: active ? iso(active.createdAt) : null,
    has_result_diff: runner.sessions.some((session) => !session.isDiscarded && session.resultDiff !== null),
    latest_session_state: runner.stateOverride ?? latest?.state ?? null,
    latest_session_mode: latest?.mode ?? "normal",
    latest_session_is_published: latest?.isPublished ?? false,
    base_deploy_id: runner.baseDeployId,
    attached_file_keys: runner.attachedFileKeys,
    pr_url: runner.prUrl,
    pr_branch: runner.prBranch,
    pr_state: runner.prState,
    pr_number: runner.prNumber,
    pr_is_being_created: runner.prIsBeingCreated,
    pr_error: runner.prError,
    merge_commit_sha: runner.mergeCommitSha,
    merge_commit_error: runner.mergeCommitError,
    merge_commit_is_being_created: runner.mergeCommitIsBeingCreated,
    publishing_state: runner.publishingState,
    preview_state: previewState(store, runner),
    needs_git_sync: false,
    rebase_available: rebaseAvailable(store, runner),
    merge_target_available: false,
    user: runner.user,
    contributors: runner.contributors,
  };
  // Upstream leaves these keys out (rather than null) until a deploy exists.
  if (deployed?.deployId) {
    wire.latest_session_deploy_id = deployed.deployId;
    wire.latest_session_deploy_url = `https://agent-${runner.id}--${site.name}.netlify.app`;
  }
  return wire;
}

/** Cached per runner: list responses serialise the same runners over and over. */
export function runnerJson(store: SimStore, runner: SimRunner): string {
  runner.json ??= JSON.stringify(runnerWire(store, runner));
  return runner.json;
}

export function sessionWire(session: SimSession): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    id: session.id,
    agent_runner_id: session.runnerId,
    created_at: iso(session.createdAt),
    updated_at: iso(session.updatedAt),
    title: session.title,
    prompt: session.prompt,
    agent_config: session.agentConfig,
    result: session.result,
    duration: session.durationMs,
    steps: session.steps,
    steps_count: session.steps.length,
    state: session.state,
    done_at: session.doneAt === null ? null : iso(session.doneAt),
    current_task: session.currentTask,
    deploy_id: session.deployId,
    deploy_url: session.deployUrl,
    commit_sha: session.commitSha,
    base_sha: session.baseSha,
    dev_server_id: session.devServerId,
    result_zip_file_name: null,
    attached_file_keys: session.attachedFileKeys,
    is_published: session.isPublished,
    is_discarded: session.isDiscarded,
    has_result_diff: session.resultDiff !== null,
    has_cumulative_diff: session.cumulativeDiff !== null,
    mode: session.mode,
    credit_limit_exceeded: session.creditLimitExceededMessage !== null,
    credit_limit_exceeded_message: session.creditLimitExceededMessage,
    interrupt_reason: session.interruptReason,
    interactions: Object.fromEntries(
      [...session.interactions].map(([refId, item]) => [refId, interactionWire(item)]),
    ),
    usage: session.usage,
    user: session.user,
  };
  if (session.sourceSessionId) wire.source_session_id = session.sourceSessionId;
  return wire;
}

function interactionWire(interaction: SimInteraction): Record<string, unknown> {
  return {
    type: interaction.type,
    status: interaction.status,
    payload: interaction.payload,
    ...(interaction.response ? { response: interaction.response } : {}),
    ...(interaction.instruction ? { instruction: interaction.instruction } : {}),
    created_at: iso(interaction.createdAt),
    ...(interaction.answeredAt === undefined ? {} : { answered_at: iso(interaction.answeredAt) }),
  };
}

/** GET /agent_runners/{id}/snapshot (§7.4): the whole run in one answer. */
export function snapshotWire(store: SimStore, runner: SimRunner): Record<string, unknown> {
  const state = runnerState(runner);
  // Still changing (an active state) unless it waits on a person; anything else has ended.
  const activity = !isActiveState(state) ? "terminal" : state === "await_input" ? "idle" : "active";
  const deployIds = runner.sessions.flatMap((session) =>
    [session.deployId, session.failedDeployId].filter((id): id is string => id !== null),
  );
  return {
    state_version: runner.stateVersion,
    activity_state: activity,
    agent_runner: runnerWire(store, runner),
    sessions: runner.sessions.map(sessionWire),
    deploys: deployIds.flatMap((id) => {
      const deploy = store.deploys.get(id);
      if (!deploy) return [];
      return [
        {
          id: deploy.id,
          state: deploy.state,
          deploy_ssl_url: deploy.url,
          context: deploy.context,
          error_message: deploy.errorMessage,
          created_at: iso(deploy.createdAt),
        },
      ];
    }),
  };
}

export function siteWire(store: SimStore, site: SimSite): Record<string, unknown> {
  const account = store.accountOf(site);
  const url = `https://${site.name}.netlify.app`;
  return {
    id: site.id,
    site_id: site.id,
    name: site.name,
    url,
    ssl_url: url,
    admin_url: `https://app.netlify.com/projects/${site.name}`,
    account_id: account.id,
    account_slug: account.slug,
    account_name: account.name,
    build_settings: site.repoUrl
      ? {
          provider: site.codeOrigin === "github" ? "github" : "netlify",
          repo_url: site.repoUrl,
          repo_branch: site.repoBranch,
        }
      : null,
    created_at: iso(site.createdAt),
    updated_at: iso(site.createdAt),
  };
}
