import { after } from "next/server";
import type { Logger } from "@/lib/log/logger";

const pending = new Set<Promise<void>>();

/**
 * Runs `task` once the response has been sent (Next.js `after()`, which also keeps a serverless
 * function alive until it settles). Outside a request (scripts, tests) it starts at once. Either
 * way a failure is logged, never thrown: the caller has its answer already.
 */
export function runAfterResponse(task: () => Promise<unknown>, log: Logger, what: string): void {
  const guarded = async () => {
    try {
      await task();
    } catch (error) {
      log.warn({ err: error }, `${what} failed`);
    }
  };
  try {
    after(guarded);
  } catch {
    const running = guarded();
    pending.add(running);
    void running.finally(() => pending.delete(running));
  }
}

/** Waits for background work started outside a request; tests call it before asserting its effects. */
export async function settleBackgroundWork(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
