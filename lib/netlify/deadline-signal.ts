/**
 * A signal that aborts with a `TimeoutError` after `ms`, or sooner with `follow`'s reason when
 * `follow` aborts first.
 *
 * Why not `AbortSignal.any([follow, AbortSignal.timeout(ms)])`: on Node 20 a combined signal is
 * held only weakly by its sources, so when an in-flight fetch is the only other holder, garbage
 * collection can drop it and the request is never cut off. Here the pending timer holds the
 * controller until it fires; it is unref'd so it never keeps a process alive on its own.
 */
export function deadlineSignal(ms: number, follow?: AbortSignal): AbortSignal {
  const controller = new AbortController();
  const followAbort = () => {
    clearTimeout(timer);
    controller.abort(follow?.reason);
  };
  const timer = setTimeout(() => {
    follow?.removeEventListener("abort", followAbort);
    controller.abort(new DOMException(`The operation timed out after ${ms} ms`, "TimeoutError"));
  }, ms);
  timer.unref();
  if (follow?.aborted) followAbort();
  else follow?.addEventListener("abort", followAbort, { once: true });
  return controller.signal;
}
