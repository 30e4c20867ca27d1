import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { startDemoScheduler } from "./demo-scheduler";

/** A stand-in app on a real socket: healthy after `unhealthyFor` checks, recording cron calls. */
async function fakeApp(unhealthyFor: number, cronStatus = 200) {
  const cronCalls: { method: string; authorization: string | undefined }[] = [];
  let healthChecks = 0;
  const server: Server = createServer((request, response) => {
    if (request.url === "/api/health") {
      healthChecks++;
      response.writeHead(healthChecks > unhealthyFor ? 200 : 503).end();
    } else if (request.url === "/api/cron/sync") {
      cronCalls.push({ method: request.method ?? "", authorization: request.headers.authorization });
      response.writeHead(cronStatus, { "content-type": "application/json" }).end("{}");
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    appUrl: `http://127.0.0.1:${port}`,
    cronCalls,
    healthChecks: () => healthChecks,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("the demo's scheduler", () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it("waits for the app to answer, then calls its cron route with the secret on every interval until stopped", async () => {
    const app = await fakeApp(2);
    cleanups.push(app.close);
    const scheduler = startDemoScheduler({
      appUrl: app.appUrl,
      cronSecret: "demo-cron-secret",
      intervalMs: 100,
      startPollMs: 20,
    });
    cleanups.push(scheduler.stop);

    await expect.poll(() => app.cronCalls.length, { timeout: 2_000 }).toBeGreaterThanOrEqual(3);
    expect(app.healthChecks()).toBe(3);
    expect(app.cronCalls[0]).toEqual({ method: "POST", authorization: "Bearer demo-cron-secret" });

    scheduler.stop();
    const calls = app.cronCalls.length;
    await sleep(300);
    expect(app.cronCalls.length).toBe(calls);
  });

  it("says when a call fails, without the secret, and keeps calling", async () => {
    const app = await fakeApp(0, 500);
    cleanups.push(app.close);
    const warnings: string[] = [];
    const scheduler = startDemoScheduler({
      appUrl: app.appUrl,
      cronSecret: "demo-cron-secret",
      intervalMs: 50,
      startPollMs: 20,
      warn: (message) => warnings.push(message),
    });
    cleanups.push(scheduler.stop);
    await expect.poll(() => warnings.length, { timeout: 2_000 }).toBeGreaterThanOrEqual(2);
    expect(warnings[0]).toBe("demo scheduler: the cron sync call failed (status 500)");
    expect(warnings.join("\n")).not.toContain("demo-cron-secret");
  });
});
