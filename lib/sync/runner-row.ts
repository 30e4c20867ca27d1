import type { NewRunner, RunnerPerson } from "@/db/schema";
import type { NetlifyRunner, NetlifyUser } from "@/lib/netlify/schemas";

function person(user: NetlifyUser | undefined): RunnerPerson | null {
  if (!user) return null;
  return {
    id: user.id,
    fullName: user.full_name ?? null,
    email: user.email ?? null,
    avatarUrl: user.avatar_url ?? null,
  };
}

const date = (value: string | null | undefined) => (value ? new Date(value) : null);

/**
 * Reshapes an upstream runner into its cache row. Provenance columns (created via key / by
 * user) are ours, not upstream's, so they are never part of this row.
 */
export function runnerRow(runner: NetlifyRunner, syncedAt: Date): NewRunner {
  return {
    id: runner.id,
    siteId: runner.site_id,
    state: runner.state,
    title: runner.title ?? null,
    branch: runner.branch ?? null,
    currentTask: runner.current_task ?? null,
    latestSessionState: runner.latest_session_state ?? null,
    latestSessionDeployUrl: runner.latest_session_deploy_url ?? null,
    hasResultDiff: runner.has_result_diff ?? false,
    prUrl: runner.pr_url ?? null,
    prState: runner.pr_state ?? null,
    prNumber: runner.pr_number ?? null,
    prBranch: runner.pr_branch ?? null,
    prIsBeingCreated: runner.pr_is_being_created ?? false,
    prError: runner.pr_error ?? null,
    mergeCommitSha: runner.merge_commit_sha ?? null,
    creator: person(runner.user),
    upstreamCreatedAt: new Date(runner.created_at),
    upstreamUpdatedAt: new Date(runner.updated_at),
    doneAt: date(runner.done_at),
    lastSessionCreatedAt: date(runner.last_session_created_at),
    upstream: runner,
    syncedAt,
  };
}
