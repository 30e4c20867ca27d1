import { iso } from "./clock";
import type { SimRunner, SimSession, SimSite } from "./model";
import { activeSession, latestSession, type SimStore } from "./store";

/** A runner as the API returns it: the full live field set, lowercase enums, ISO timestamps with ms. */
export function runnerWire(store: SimStore, runner: SimRunner): Record<string, unknown> {
  const site = store.siteOf(runner);
  const latest = latestSession(runner);
  const active = activeSession(runner);
  const deployed = [...runner.sessions].reverse().find((session) => !session.isDiscarded && session.deployId);
  const done = latest && latest.state !== "new" && latest.state !== "running";
  const wire: Record<string, unknown> = {
    id: runner.id,
    site_id: runner.siteId,
    site_name: site.name,
    state: runner.archived ? "archived" : (latest?.state ?? "new"),
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
    latest_session_state: latest?.state ?? null,
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
    needs_git_sync: false,
    rebase_available: site.codeOrigin === "zip" && site.productionDeployChanged && Boolean(done),
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
    credit_limit_exceeded: false,
    credit_limit_exceeded_message: null,
    usage: session.usage,
    user: session.user,
  };
  if (session.sourceSessionId) wire.source_session_id = session.sourceSessionId;
  return wire;
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
