/** Faults injected through /__sim/faults, applied to API requests whose path starts with `pathPrefix`. */
export interface FaultPlan {
  pathPrefix?: string;
  latencyMs?: number;
  /** Share of matching requests that fail with `errorStatus` (0..1). */
  errorRate?: number;
  errorStatus?: number;
  /** Never answer: the client must time out. */
  hang?: boolean;
  /** Answer with a 307 to this URL (clients must not follow it). */
  redirectTo?: string;
  /** How many matching requests the plan applies to; unlimited when absent. */
  count?: number;
}

export type FaultDecision =
  | { kind: "none" }
  | { kind: "delay"; ms: number }
  | { kind: "hang" }
  | { kind: "redirect"; location: string; delayMs: number }
  | { kind: "error"; status: number; delayMs: number };

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
    const errorRate = plan.errorRate ?? (plan.errorStatus ? 1 : 0);
    if (errorRate > 0 && random() < errorRate) {
      return { kind: "error", status: plan.errorStatus ?? 500, delayMs };
    }
    return delayMs > 0 ? { kind: "delay", ms: delayMs } : { kind: "none" };
  }
}
