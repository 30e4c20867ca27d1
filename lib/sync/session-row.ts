import type { NewSession } from "@/db/schema";
import type { NetlifySession } from "@/lib/netlify/schemas";
import { date } from "./runner-row";

/**
 * Reshapes an upstream session into its cache row. Typed `Required` so that a column added to
 * the sessions table fails to compile until it is mapped here, and every column it sets is
 * refreshed when the session is synced again.
 */
export function sessionRow(session: NetlifySession, syncedAt: Date): Required<NewSession> {
  return {
    id: session.id,
    runnerId: session.agent_runner_id,
    state: session.state,
    mode: session.mode,
    title: session.title ?? null,
    prompt: session.prompt ?? null,
    result: session.result ?? null,
    // `agent_config` is `{}` on redeploy and rebase sessions.
    agent: session.agent_config?.agent ?? null,
    model: session.agent_config?.model ?? null,
    currentTask: session.current_task ?? null,
    durationMs: session.duration == null ? null : Math.round(session.duration),
    stepsCount: session.steps_count ?? session.steps?.length ?? 0,
    deployId: session.deploy_id ?? null,
    deployUrl: session.deploy_url ?? null,
    commitSha: session.commit_sha ?? null,
    sourceSessionId: session.source_session_id ?? null,
    isDiscarded: session.is_discarded ?? false,
    isPublished: session.is_published ?? false,
    hasResultDiff: session.has_result_diff ?? false,
    hasCumulativeDiff: session.has_cumulative_diff ?? false,
    interruptReason: session.interrupt_reason ?? null,
    creditLimitExceededMessage: session.credit_limit_exceeded_message ?? null,
    interactions: session.interactions ?? {},
    upstreamCreatedAt: new Date(session.created_at),
    upstreamUpdatedAt: new Date(session.updated_at),
    doneAt: date(session.done_at),
    upstream: session,
    syncedAt,
  };
}
