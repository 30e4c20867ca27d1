/** Faults injected through /__sim/faults, applied to API requests whose path starts with `pathPrefix`. */
export interface FaultPlan {
  pathPrefix?: string;
  latencyMs?: number;
  /** Share of matching requests that fail with `errorStatus` (0..1). */
  errorRate?: number;
  errorStatus?: number;
  /** The injected error's body, e.g. one quoting an internal host a client must never pass on. */
  errorBody?: unknown;
  /** Never answer: the client must time out. */
  hang?: boolean;
  /** Answer with a 307 to this URL (clients must not follow it). */
  redirectTo?: string;
  /** Extra headers on the answer, whatever it is (`Set-Cookie`, `Server`…). */
  headers?: Record<string, string>;
  /** Sends the answer gzip-encoded. */
  gzip?: boolean;
  /** Rewrites every `site_id` in a JSON answer to this value: a tenant leak a client must catch. */
  siteId?: string;
  /** Sends the head at once and the body this much later, as a slow stream would. */
  bodyDelayMs?: number;
  /** How many matching requests the plan applies to; unlimited when absent. */
  count?: number;
}

/** What a fault changes in an answer the simulator would otherwise send as is. */
export type AnswerFault = Pick<FaultPlan, "headers" | "gzip" | "siteId" | "bodyDelayMs">;

export type FaultDecision =
  | { kind: "none"; answer?: AnswerFault }
  | { kind: "delay"; ms: number; answer?: AnswerFault }
  | { kind: "hang" }
  | { kind: "redirect"; location: string; delayMs: number }
  | { kind: "error"; status: number; delayMs: number; body?: unknown; answer?: AnswerFault };

export class FaultInjector {
  private plans: FaultPlan[] = [];

  set(plans: FaultPlan[]): void {
    this.plans = plans.map((plan) => ({ ...plan }));
  }

  clear(): void {
    this.plans = [];
  }

  list(): FaultPlan[] {
    return this.plans;
  }

  decide(path: string, random: () => number): FaultDecision {
    const plan = this.plans.find(
      (candidate) =>
        path.startsWith(candidate.pathPrefix ?? "/") &&
        (candidate.count === undefined || candidate.count > 0),
    );
    if (!plan) return { kind: "none" };
    if (plan.count !== undefined) plan.count--;
    const delayMs = plan.latencyMs ?? 0;
    if (plan.hang) return { kind: "hang" };
    if (plan.redirectTo) return { kind: "redirect", location: plan.redirectTo, delayMs };
    const answer = answerFault(plan);
    const errorRate = plan.errorRate ?? (plan.errorStatus ? 1 : 0);
    if (errorRate > 0 && random() < errorRate) {
      return { kind: "error", status: plan.errorStatus ?? 500, delayMs, body: plan.errorBody, answer };
    }
    return delayMs > 0 ? { kind: "delay", ms: delayMs, answer } : { kind: "none", answer };
  }
}

function answerFault(plan: FaultPlan): AnswerFault | undefined {
  const { headers, gzip, siteId, bodyDelayMs } = plan;
  if (!headers && !gzip && siteId === undefined && !bodyDelayMs) return undefined;
  return { headers, gzip, siteId, bodyDelayMs };
}
