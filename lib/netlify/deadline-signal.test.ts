import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { deadlineSignal } from "./deadline-signal";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Resolves with the abort reason, or "never" when the signal has not fired within `waitMs`. */
function firesWithin(signal: AbortSignal, waitMs: number): Promise<unknown> {
  return new Promise((resolve) => {
    const giveUp = setTimeout(() => resolve("never"), waitMs);
    signal.addEventListener("abort", () => {
      clearTimeout(giveUp);
      resolve(signal.reason);
    });
  });
}

async function collectGarbageWhileWaiting(rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("deadlineSignal", () => {
  it("times out with a TimeoutError", async () => {
    const reason = await firesWithin(deadlineSignal(30), 1_000);
    expect(reason).toBeInstanceOf(DOMException);
    expect((reason as DOMException).name).toBe("TimeoutError");
  });

  it("still fires when nothing but a listener holds it and garbage is collected meanwhile", async () => {
    const caller = new AbortController();
    // The outcome is awaited through the listener alone, as a fetch holds its signal.
    const outcome = firesWithin(deadlineSignal(100, caller.signal), 2_000);
    await collectGarbageWhileWaiting(10);
    expect(((await outcome) as DOMException).name).toBe("TimeoutError");
    caller.abort();
  });

  it("follows the caller's abort with the caller's reason, before the deadline", async () => {
    const caller = new AbortController();
    const signal = deadlineSignal(10_000, caller.signal);
    const outcome = firesWithin(signal, 1_000);
    await collectGarbageWhileWaiting(3);
    const reason = new Error("client went away");
    caller.abort(reason);
    expect(await outcome).toBe(reason);
  });

  it("is aborted at once when the caller already gave up", () => {
    const reason = new Error("already gone");
    const signal = deadlineSignal(10_000, AbortSignal.abort(reason));
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe(reason);
  });
});
