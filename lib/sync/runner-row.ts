import { createHash } from "node:crypto";
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

export const date = (value: string | null | undefined) => (value ? new Date(value) : null);

/** Columns that record who created a runner here: ours, never upstream's, so a sync never writes them. */
export const runnerProvenanceColumns = ["createdViaKeyId", "createdByUserId"] as const;

/** A runner's cache row as a sync writes it: everything but our provenance columns and the change counter. */
export type RunnerSyncRow = Omit<NewRunner, (typeof runnerProvenanceColumns)[number] | "changeSeq">;

/**
 * A digest of the runner exactly as the upstream sent it. Two reads with the same digest carry
 * the same fields, so a sync can skip the runner: no row written, no sessions fetched.
 */
export const upstreamDigest = (runner: NetlifyRunner): string =>
  createHash("sha256").update(JSON.stringify(runner)).digest("base64url");

/**
 * Reshapes an upstream runner into its cache row. Every column it sets is refreshed when the
 * runner is synced again (see `upsertSet`), so a new upstream column needs only a line here.
 */
export function runnerRow(runner: NetlifyRunner, syncedAt: Date): RunnerSyncRow {
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
    siteName: runner.site_name ?? null,
    publishingState: runner.publishing_state ?? null,
    previewState: runner.preview_state ?? null,
    creator: person(runner.user),
    upstreamCreatedAt: new Date(runner.created_at),
    upstreamUpdatedAt: new Date(runner.updated_at),
    doneAt: date(runner.done_at),
    lastSessionCreatedAt: date(runner.last_session_created_at),
    upstream: runner,
    upstreamHash: upstreamDigest(runner),
    syncedAt,
  };
}
