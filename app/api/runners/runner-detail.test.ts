import { beforeAll, describe, expect, it } from "vitest";
import { backendName, request, routeParams, useRouteSuite } from "@/app/api/testing/route-environment";
import { type UserRole, users } from "@/db/schema";
import type { DiffPage } from "@/lib/diffs/diff-schemas";
import { settleBackgroundWork } from "@/lib/http/after-response";
import { createNetlifyClient } from "@/lib/netlify/client";
import { simulatedSiteId } from "@/lib/netlify-sim/testing/sim-sites";
import type { RunnerDetailOutput } from "@/lib/runners/runner-detail-schemas";
import { refreshRunner } from "@/lib/sync/refresh-runner";

/*
 * A run's page data and the actions only the page offers, called as Next.js calls them, against
 * the simulator (its clock moved by hand) and on PostgreSQL when the suite has one.
 */

describe(`GET /api/runners/{id} and the page's actions on ${backendName}`, () => {
  const suite = useRouteSuite("switchyard-runner-detail-", async () => ({
    detail: await import("./[runnerId]/route"),
    actions: await import("./[runnerId]/actions/route"),
    diff: await import("./[runnerId]/diff/route"),
    patch: await import("./[runnerId]/diff/patch/route"),
    preferences: await import("../session/preferences/route"),
    sites: await import("../sites/route"),
  }));
  let cookie: string;
  let siteId: string;
  const client = () =>
    createNetlifyClient({ baseUrl: suite.simulator.apiUrl, token: "demo-token", timeoutMs: 5_000 });
  const finishSessions = async () => {
    const answer = await fetch(`${suite.simulator.origin}/__sim/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ advance_ms: 3_600_000 }),
    });
    expect(answer.status).toBe(200);
  };
  const setRole = async (role: UserRole) => (await suite.db()).update(users).set({ role });
  const refresh = async (runnerId: string) => refreshRunner(await suite.db(), client(), { runnerId, siteId });
  const detail = async (runnerId: string) => {
    const answer = await suite.routes.detail.GET(
      request(`/api/runners/${runnerId}`, { cookie }),
      routeParams({ runnerId }),
    );
    return { status: answer.status, body: (await answer.json()) as RunnerDetailOutput };
  };
  const act = async (runnerId: string, body: unknown) => {
    const answer = await suite.routes.actions.POST(
      request(`/api/runners/${runnerId}/actions`, { method: "POST", cookie, body }),
      routeParams({ runnerId }),
    );
    await settleBackgroundWork();
    return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
  };

  /** A finished run of three sessions (a prompt and two follow-ups), cached. */
  async function runOfThreeSessions(): Promise<string> {
    // Sessions end as asked, not at random (a random one may stop to ask a question).
    suite.simulator.store.forced.sessions.push(
      ...Array(3).fill({ outcome: "done", runnerId: null, promptIncludes: null }),
    );
    const created = await client().runners.create({ siteId, prompt: "Add a changelog page" });
    await finishSessions();
    for (const prompt of ["Link it from the footer", "Sort entries newest first"]) {
      await client().sessions.create(created.id, { prompt });
      await finishSessions();
    }
    await refresh(created.id);
    return created.id;
  }

  beforeAll(async () => {
    cookie = await suite.signIn();
    siteId = simulatedSiteId(suite.simulator, "docs-portal");
    const connected = await suite.routes.sites.POST(
      request("/api/sites", { method: "POST", cookie, body: { siteId } }),
      {},
    );
    expect(connected.status).toBe(201);
  });

  it("answers the run with every session, oldest first, and what may be done with each", async () => {
    const runnerId = await runOfThreeSessions();
    const { status, body } = await detail(runnerId);
    expect(status).toBe(200);
    expect(body.runner).toMatchObject({ id: runnerId, state: "done", siteName: "docs-portal" });
    expect(body.runner.netlifyUrl).toBe(
      `https://app.netlify.com/projects/docs-portal/agent-runs/${runnerId}`,
    );
    expect(body.sessions.map((session) => session.prompt)).toEqual([
      "Add a changelog page",
      "Link it from the footer",
      "Sort entries newest first",
    ]);
    expect(body.sessions.map((session) => session.abilities.revert.allowed)).toEqual([false, true, false]);
    expect(body.abilities.followUp).toEqual({ allowed: true });
    expect(body.abilities.stop).toEqual({ allowed: false, reason: "The run is not running." });
    expect(JSON.stringify(body)).not.toMatch(/"upstream"|createdViaKeyId|demo-token/);
  });

  it("reverts to a session: the later one is kept but marked discarded", async () => {
    const runnerId = await runOfThreeSessions();
    const second = (await detail(runnerId)).body.sessions[1]?.id ?? "";
    expect(await act(runnerId, { action: "revert", sessionId: second })).toEqual({
      status: 200,
      body: { ok: true, action: "revert" },
    });
    const after = (await detail(runnerId)).body;
    expect(after.sessions.map((session) => session.isDiscarded)).toEqual([false, false, true]);
    expect(after.sessions[2]?.abilities.revert).toEqual({
      allowed: false,
      reason: "This session was discarded by a revert.",
    });
  });

  it("renames the run and redeploys a session as new sessions of the run", async () => {
    const runnerId = await runOfThreeSessions();
    expect((await act(runnerId, { action: "rename", title: "  Changelog page  " })).status).toBe(200);
    expect((await detail(runnerId)).body.runner.title).toBe("Changelog page");
    const first = (await detail(runnerId)).body.sessions[0]?.id ?? "";
    expect((await act(runnerId, { action: "redeploy", sessionId: first })).status).toBe(200);
    const sessions = (await detail(runnerId)).body.sessions;
    expect(sessions).toHaveLength(4);
    expect(sessions[3]).toMatchObject({ mode: "redeploy", sourceSessionId: first, prompt: null });
  });

  it("refuses a commit without a pull request branch, and Netlify's refusals keep their status", async () => {
    const runnerId = await runOfThreeSessions();
    expect(await act(runnerId, { action: "commit" })).toMatchObject({
      status: 409,
      body: { code: "CONFLICT" },
    });
    const first = (await detail(runnerId)).body.sessions[0]?.id ?? "";
    // Netlify refuses to revert to the first session.
    const refused = await act(runnerId, { action: "revert", sessionId: first });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(String(refused.body.error)).not.toMatch(/demo-token/);
  });

  it("lets a viewer read the run with every action disabled, and refuses their actions", async () => {
    const runnerId = await runOfThreeSessions();
    await setRole("viewer");
    try {
      const { body } = await detail(runnerId);
      for (const ability of Object.values(body.abilities)) expect(ability.allowed).toBe(false);
      expect((await act(runnerId, { action: "rename", title: "Mine now" })).status).toBe(403);
    } finally {
      await setRole("admin");
    }
  });

  it("answers 404 for a run not on the board, and names what is malformed in an id or an action", async () => {
    expect((await detail("ffffffffffffffffffffffff")).status).toBe(404);
    const malformedId = await detail("not a runner");
    expect(malformedId.status).toBe(422);
    expect(malformedId.body).toMatchObject({ code: "VALIDATION_FAILED" });
    const runnerId = await runOfThreeSessions();
    const untitled = await act(runnerId, { action: "rename", title: "   " });
    expect(untitled).toMatchObject({ status: 422, body: { error: expect.stringMatching(/title/) } });
    expect((await act(runnerId, { action: "revert" })).status).toBe(400);
  });

  it("pages a diff by files, parsed, until the last page, and streams the whole patch as a file", async () => {
    const runnerId = await runOfThreeSessions();
    const diffControl = await fetch(`${suite.simulator.origin}/__sim/runners/${runnerId}/diff`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ files: 25, lines_per_file: 6 }),
    });
    expect(diffControl.status).toBe(200);
    const page = async (query: string) => {
      const answer = await suite.routes.diff.GET(
        request(`/api/runners/${runnerId}/diff?${query}`, { cookie }),
        routeParams({ runnerId }),
      );
      return { status: answer.status, body: (await answer.json()) as DiffPage };
    };
    const first = await page("perPage=10");
    expect(first.status).toBe(200);
    expect(first.body.files).toHaveLength(10);
    expect(first.body.hasMore).toBe(true);
    const total = first.body.totalFiles ?? 0;
    expect(total).toBeGreaterThan(10);
    const last = await page(`perPage=10&page=${Math.ceil(total / 10)}`);
    expect(last.body.hasMore).toBe(false);
    expect(last.body.files.length).toBe(total - 10 * (Math.ceil(total / 10) - 1));
    expect(first.body.files[0]).toMatchObject({ path: "src/area-0/module-0.ts", additions: 3, deletions: 3 });
    expect(first.body.files[0]?.hunks[0]?.lines.map((line) => line[0]).join("")).toBe("  ---+++  ");

    const patch = await suite.routes.patch.GET(
      request(`/api/runners/${runnerId}/diff/patch`, { cookie }),
      routeParams({ runnerId }),
    );
    expect(patch.status).toBe(200);
    expect(patch.headers.get("content-disposition")).toBe(`attachment; filename="${runnerId}.diff"`);
    const text = await patch.text();
    expect(text.match(/^diff --git /gm)?.length).toBe(total);
  });

  it("answers a session's own diff, an empty page for a session without one, and refuses bad paging", async () => {
    const runnerId = await runOfThreeSessions();
    const sessions = (await detail(runnerId)).body.sessions;
    const withChanges = sessions.find((session) => session.hasResultDiff);
    const page = async (query: string) =>
      suite.routes.diff.GET(
        request(`/api/runners/${runnerId}/diff?${query}`, { cookie }),
        routeParams({ runnerId }),
      );
    if (withChanges) {
      const own = (await (await page(`session=${withChanges.id}&kind=result`)).json()) as DiffPage;
      expect(own.files.length).toBeGreaterThan(0);
    }
    const none = (await (await page("session=nosuchsession&kind=result")).json()) as DiffPage;
    expect(none).toMatchObject({ files: [], hasMore: false });
    for (const query of ["page=0", "perPage=101", "kind=everything", "session=../x", "page=1&page=2"]) {
      const refused = await page(query);
      expect([query, refused.status]).toEqual([query, expect.any(Number)]);
      expect(refused.status, query).toBeGreaterThanOrEqual(400);
      expect(refused.status, query).toBeLessThan(500);
    }
  });

  it("remembers the diff layout a person picks, and the run's page says it", async () => {
    const runnerId = await runOfThreeSessions();
    const save = (body: unknown) =>
      suite.routes.preferences.PUT(request("/api/session/preferences", { method: "PUT", cookie, body }), {});
    expect((await save({ diffLayout: "split" })).status).toBe(200);
    expect((await detail(runnerId)).body.diffLayout).toBe("split");
    expect((await save({ diffLayout: "sideways" })).status).toBe(422);
    expect((await save({ diffLayout: "unified", theme: "dark" })).status).toBe(400);
    expect((await save({ diffLayout: "unified" })).status).toBe(200);
    expect((await detail(runnerId)).body.diffLayout).toBe("unified");
  });
});
