import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "@/db";
import { boardCursor } from "./board-changes";

export interface BoardEventTiming {
  /** How often the change counter is read. */
  pollMs: number;
  /** A comment line this often keeps proxies and load balancers from closing a quiet stream. */
  heartbeatMs: number;
  /** The stream ends by itself after this long, inside serverless time limits; EventSource reconnects. */
  lifetimeMs: number;
  /** How often `keepLive` is started (never two at once); the refreshes it starts keep their own pace. */
  keepLiveMs: number;
}

export const boardEventTiming: BoardEventTiming = {
  pollMs: 500,
  heartbeatMs: 15_000,
  lifetimeMs: 55_000,
  keepLiveMs: 500,
};

const encoder = new TextEncoder();

/**
 * The board's server-sent events: `data: {"cursor": n}` at once, then whenever the board change
 * counter moves. The counter lives in Postgres, so a change written by any instance reaches
 * every open stream within `pollMs`, at the cost of one cheap query per stream per poll. The
 * browser then asks `/api/board/changes` for what changed. `keepLive` (watching the board's
 * sites and refreshing their active runners) runs alongside while the stream is open.
 */
export function boardEventStream(
  db: Database,
  options: { signal: AbortSignal; keepLive: () => Promise<unknown>; timing?: Partial<BoardEventTiming> },
): ReadableStream<Uint8Array> {
  const timing = { ...boardEventTiming, ...options.timing };
  const stopped = new AbortController();
  const stop = () => stopped.abort();
  options.signal.addEventListener("abort", stop, { once: true });

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      void (async () => {
        const started = Date.now();
        let sentCursor: number | undefined;
        let lastBeat = started;
        let lastKeep = 0;
        let keeping: Promise<unknown> | undefined;
        // Reconnect after a second, not the browser's default three, when the stream ends.
        send("retry: 1000\n\n");
        try {
          while (!stopped.signal.aborted && Date.now() - started < timing.lifetimeMs) {
            if (!keeping && Date.now() - lastKeep >= timing.keepLiveMs) {
              lastKeep = Date.now();
              // keepLive logs its own failures; should one escape, it must not end the stream.
              keeping = options
                .keepLive()
                .catch(() => undefined)
                .finally(() => {
                  keeping = undefined;
                });
            }
            const cursor = await boardCursor(db);
            if (cursor !== sentCursor) {
              send(`data: ${JSON.stringify({ cursor })}\n\n`);
              sentCursor = cursor;
              lastBeat = Date.now();
            } else if (Date.now() - lastBeat >= timing.heartbeatMs) {
              send(": heartbeat\n\n");
              lastBeat = Date.now();
            }
            await pause(timing.pollMs, stopped.signal);
          }
          await keeping;
          controller.close();
        } catch (error) {
          // The browser went away mid-write, or the database failed: either way the stream ends
          // and EventSource reconnects; a closed controller throws again, which is ignored.
          await keeping;
          try {
            controller.error(error);
          } catch {}
        } finally {
          options.signal.removeEventListener("abort", stop);
        }
      })();
    },
    cancel: stop,
  });
}

/** Resolves after `ms`, or at once when the stream stops. */
const pause = (ms: number, signal: AbortSignal) => sleep(ms, undefined, { signal }).catch(() => undefined);
