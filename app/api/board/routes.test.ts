import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appUrl, backendName, request, useRouteSuite } from "@/app/api/testing/route-environment";
import { syncState } from "@/db/schema";
import { settleBackgroundWork } from "@/lib/http/after-response";
import { createNetlifyClient } from "@/lib/netlify/client";
import { simulatedSiteId } from "@/lib/netlify-sim/testing/sim-sites";
import { boardCardSchema } from "@/lib/runners/board-schemas";
import { connectSite } from "@/lib/sites/connect-site";
import { reconcileSite } from "@/lib/sync/reconcile-site";
import { refreshRunner } from "@/lib/sync/refresh-runner";

/*
 * The board's live-update routes, called as Next.js calls them, on PostgreSQL when the suite has
 * one: what a board is sent, what it may not ask, and what asking does (its sites watched and
 * refreshed in the background, with no cron call).
 */

describe(`board live-update routes on ${backendName}`, () => {
  const suite = useRouteSuite("switchyard-board-routes-", async () => ({
    changes: await import("./changes/route"),
    events: await import("./events/route"),
  }));
  let cookie: string;
  let siteId: string;
  const client = () =>
    createNetlifyClient({ baseUrl: suite.simulator.apiUrl, token: "demo-token", timeoutMs: 5_000 });

  beforeAll(async () => {
    siteId = simulatedSiteId(suite.simulator, "docs-portal");
    await connectSite(await suite.db(), client(), siteId, null);
    await reconcileSite(await suite.db(), client(), siteId, { deadline: Number.POSITIVE_INFINITY });
    cookie = await suite.signIn();
  });

  it("answers the cards changed after a cursor, with exactly the card fields", async () => {
    const answer = await suite.routes.changes.GET(request("/api/board/changes?since=0", { cookie }), {});
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    const body = (await answer.json()) as {
      cursor: number;
      runners: Record<string, unknown>[];
      more: boolean;
    };
    expect(body.cursor).toBeGreaterThan(0);
    expect(body.more).toBe(false);
    expect(body.runners.length).toBeGreaterThan(0);
    // Exactly the card's fields: nothing else of a cached runner (its upstream payload, the key's id) leaves.
    expect(Object.keys(body.runners[0] ?? {}).sort()).toEqual(Object.keys(boardCardSchema.shape).sort());
    expect(JSON.stringify(body)).not.toMatch(/upstream_hash|createdViaKeyId|"upstream"/);
    const later = await suite.routes.changes.GET(
      request(`/api/board/changes?since=${body.cursor}`, { cookie }),
      {},
    );
    expect(await later.json()).toEqual({ cursor: body.cursor, runners: [], removed: [], more: false });
  });

  it("refuses a missing session, and a cursor that is not a whole number", async () => {
    const anonymous = await suite.routes.changes.GET(request("/api/board/changes?since=0"), {});
    expect(anonymous.status).toBe(401);
    for (const query of ["", "?since=", "?since=-1", "?since=1.5", "?since=abc", "?since=1&since=2"]) {
      const refused = await suite.routes.changes.GET(request(`/api/board/changes${query}`, { cookie }), {});
      expect([query, refused.status]).toEqual([query, 400]);
    }
    const stream = await suite.routes.events.GET(request("/api/board/events"), {});
    expect(stream.status).toBe(401);
  });

  it("marks the board's sites watched and refreshes them in the background, without a cron call", async () => {
    await (await suite.db()).update(syncState).set({ lastActiveRefreshAt: null, watchedUntil: null });
    const created = await client().runners.create({ siteId, prompt: "Add a search box to the docs" });
    const answer = await suite.routes.changes.GET(request("/api/board/changes?since=0", { cookie }), {});
    expect(answer.status).toBe(200);
    await settleBackgroundWork();

    const [state] = await (await suite.db()).select().from(syncState).where(eq(syncState.siteId, siteId));
    expect(state?.watchedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(state?.lastActiveRefreshAt).not.toBeNull();
    const next = (await (
      await suite.routes.changes.GET(request("/api/board/changes?since=0", { cookie }), {})
    ).json()) as {
      runners: { id: string }[];
    };
    expect(next.runners.map((card) => card.id)).toContain(created.id);
  });

  it("streams the board change number at once, and again within a second of a change", async () => {
    const stopped = new AbortController();
    const stream = await suite.routes.events.GET(
      new NextRequest(`${appUrl}/api/board/events`, { headers: { cookie }, signal: stopped.signal }),
      {},
    );
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.headers.get("cache-control")).toBe("no-store");
    expect(stream.headers.get("x-accel-buffering")).toBe("no");
    const events = eventReader(stream);
    const first = await events.next();

    const runner = await client().runners.create({ siteId, prompt: "Fix the broken anchor links" });
    const changed = Date.now();
    await refreshRunner(await suite.db(), client(), { runnerId: runner.id, siteId });
    const second = await events.next();
    expect(Date.now() - changed).toBeLessThan(1_500);
    expect(second.cursor).toBeGreaterThan(first.cursor);

    stopped.abort();
    await events.end();
  });
});

/** Reads `data:` events off a server-sent event stream, skipping `retry:` and comment lines. */
function eventReader(response: Response) {
  const reader = response.body?.getReader();
  if (!reader) throw new Error("the stream has no body");
  const decoder = new TextDecoder();
  let buffered = "";
  return {
    async next(): Promise<{ cursor: number }> {
      for (;;) {
        const match = /^data: (.*)$/m.exec(buffered);
        const end = match ? buffered.indexOf("\n\n", match.index) : -1;
        if (match && end >= 0) {
          buffered = buffered.slice(end + 2);
          return JSON.parse(match[1] ?? "") as { cursor: number };
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        buffered += decoder.decode(value, { stream: true });
      }
    },
    /** Resolves once the server has ended the stream. */
    async end(): Promise<void> {
      while (!(await reader.read()).done) {}
    },
  };
}
