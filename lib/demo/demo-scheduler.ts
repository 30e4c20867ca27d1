import { setTimeout as sleep } from "node:timers/promises";

export interface DemoSchedulerOptions {
  /** The running app, e.g. `http://127.0.0.1:3000`. */
  appUrl: string;
  cronSecret: string;
  /** Between two calls of the cron route; Netlify's scheduled function runs every minute. */
  intervalMs?: number;
  /** Until the app answers its health check, it is asked again this often. */
  startPollMs?: number;
  warn?: (message: string) => void;
}

/**
 * Stands in for the host's scheduler in demo mode: once the app answers, it calls the app's own
 * `POST /api/cron/sync` with the cron secret, then every minute, as Netlify's scheduled function
 * does in production. Everything else about syncing happens in the app, through one engine.
 */
export function startDemoScheduler(options: DemoSchedulerOptions): { stop(): void } {
  const stopped = new AbortController();
  const { signal } = stopped;
  const warn = options.warn ?? ((message) => console.warn(message));
  const pause = (ms: number) =>
    sleep(ms, undefined, { signal }).then(
      () => true,
      () => false,
    );
  void (async () => {
    while (!(await answers(`${options.appUrl}/api/health`, signal))) {
      if (!(await pause(options.startPollMs ?? 500))) return;
    }
    do {
      const failure = await callCron(options, signal);
      if (failure) warn(`demo scheduler: the cron sync call failed (${failure})`);
    } while (await pause(options.intervalMs ?? 60_000));
  })();
  return { stop: () => stopped.abort() };
}

async function answers(url: string, signal: AbortSignal): Promise<boolean> {
  try {
    return (await fetch(url, { signal })).ok;
  } catch {
    return false;
  }
}

/** Undefined when the call went through; otherwise what went wrong, without the secret. */
async function callCron(options: DemoSchedulerOptions, signal: AbortSignal): Promise<string | undefined> {
  try {
    const response = await fetch(`${options.appUrl}/api/cron/sync`, {
      method: "POST",
      headers: { authorization: `Bearer ${options.cronSecret}` },
      signal,
    });
    await response.body?.cancel();
    return response.ok ? undefined : `status ${response.status}`;
  } catch (error) {
    return signal.aborted ? undefined : (error as Error).message;
  }
}
