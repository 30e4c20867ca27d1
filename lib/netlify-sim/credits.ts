import { SimHttpError } from "./http";
import type { AccountCredits, SimAccount, SimRunner, SimSession } from "./model";
import { endSession } from "./session-end";
import { activeSession, type SimStore } from "./store";

/*
 * AI credits and the cap on active runs (research notes §7.6). Limits are checked before a
 * run or follow-up starts; credits are charged step by step while the agent works, and the
 * step that spends the last credit interrupts the sessions it covers.
 */

export const unlimitedCredits = (): AccountCredits => ({
  teamLimit: null,
  teamUsed: 0,
  userLimits: new Map(),
  usedByUser: new Map(),
  maxActiveRuns: null,
});

export const interruptMessages = {
  team: "Your team has used all of its AI credits for this billing period. Add credits or wait for the next period to continue.",
  user: "You have reached your personal AI credit limit on this team. Ask a team Owner to raise it to continue.",
} as const;

export type ExhaustedLimit = keyof typeof interruptMessages;

/**
 * Refuses new work the way upstream does: 403/429 with an `error_code`, or a bare 429 at the run
 * cap. Resuming a waiting session (an answer) needs credits but takes no new place under the cap.
 */
export function refuseWithoutCredits(
  store: SimStore,
  account: SimAccount,
  userId: string,
  options: { newRun: boolean } = { newRun: true },
): void {
  const { credits } = account;
  const userLimit = credits.userLimits.get(userId) ?? null;
  if (userLimit === 0) {
    throw new SimHttpError(403, "Your AI credit limit on this team is 0, so you cannot start agent runs", {
      error_code: "ai_credit_limit_disabled",
    });
  }
  if (credits.teamLimit !== null && credits.teamUsed >= credits.teamLimit) {
    throw new SimHttpError(429, "Your team has run out of AI credits", {
      error_code: "ai_credit_limit_exceeded",
    });
  }
  if (userLimit !== null && (credits.usedByUser.get(userId) ?? 0) >= userLimit) {
    throw new SimHttpError(429, "You have reached your AI credit limit on this team", {
      error_code: "ai_credit_limit_reached",
    });
  }
  if (
    options.newRun &&
    credits.maxActiveRuns !== null &&
    activeRunCount(store, account) >= credits.maxActiveRuns
  ) {
    throw new SimHttpError(429, "Too many agent runs are active on this team; try again when one finishes");
  }
}

export function activeRunCount(store: SimStore, account: SimAccount): number {
  let count = 0;
  for (const site of store.sites.values()) {
    if (site.accountId !== account.id) continue;
    for (const runner of store.runnersBySite.get(site.id) ?? []) {
      if (!runner.archived && activeSession(runner)) count++;
    }
  }
  return count;
}

/** The limit, if any, that leaves `userId` nothing to spend: the team's first, then their own. */
export function spentLimit(credits: AccountCredits, userId: string): ExhaustedLimit | undefined {
  if (credits.teamLimit !== null && credits.teamUsed >= credits.teamLimit) return "team";
  const userLimit = credits.userLimits.get(userId) ?? null;
  if (userLimit !== null && (credits.usedByUser.get(userId) ?? 0) >= userLimit) return "user";
  return undefined;
}

/**
 * Records spending; returns the limit this spending used up, if any. Nothing is charged once a
 * limit is spent (a session answered after the credits ran out is interrupted, not billed).
 */
export function chargeCredits(
  credits: AccountCredits,
  userId: string,
  amount: number,
): ExhaustedLimit | undefined {
  if (amount <= 0) return undefined;
  const already = spentLimit(credits, userId);
  if (already) return already;
  credits.teamUsed += amount;
  credits.usedByUser.set(userId, (credits.usedByUser.get(userId) ?? 0) + amount);
  return spentLimit(credits, userId);
}

/** What `/__sim/credits` reports for an account and one of its people. */
export function creditStatus(store: SimStore, account: SimAccount, userId: string) {
  const { credits } = account;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    account_id: account.id,
    user_id: userId,
    team_limit: credits.teamLimit,
    team_used: round(credits.teamUsed),
    user_limit: credits.userLimits.get(userId) ?? null,
    user_used: round(credits.usedByUser.get(userId) ?? 0),
    max_active_runs: credits.maxActiveRuns,
    active_runs: activeRunCount(store, account),
  };
}

/** Ends every running session the spent limit covers: the team's, or one person's on that team. */
export function interruptForCredits(
  store: SimStore,
  accountId: string,
  userId: string | undefined,
  limit: ExhaustedLimit,
  at: number,
): void {
  for (const session of store.sessions.values()) {
    if (session.state !== "running" || (userId && session.user.id !== userId)) continue;
    const runner = store.runners.get(session.runnerId);
    if (runner && store.siteOf(runner).accountId === accountId)
      interruptSession(store, runner, session, limit, at);
  }
}

/** The platform stops a working session because a credit limit was spent. */
export function interruptSession(
  store: SimStore,
  runner: SimRunner,
  session: SimSession,
  limit: ExhaustedLimit,
  at: number,
): void {
  endSession(store, runner, session, "interrupted", at);
  session.interruptReason = "credit_limit";
  session.creditLimitExceededMessage = interruptMessages[limit];
}
