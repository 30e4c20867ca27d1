import { and, count, eq, gt, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { backendName, request, useRouteSuite } from "@/app/api/testing/route-environment";
import { runners, syncState, type UserRole, users } from "@/db/schema";
import { env } from "@/lib/env";
import { settleBackgroundWork } from "@/lib/http/after-response";
import { createNetlifyClient, netlifyConfigFor } from "@/lib/netlify/client";
import { addForeignSite, simulatedSiteId } from "@/lib/netlify-sim/testing/sim-sites";
import { refreshRunner } from "@/lib/sync/refresh-runner";

/*
 * POST /api/runners, called as Next.js calls it, against the simulator and on PostgreSQL when the
 * suite has one: the run is started upstream as the signed-in person, cached after the answer
 * with that person as its creator, and every refusal has its status and sentence.
 */

describe(`POST /api/runners on ${backendName}`, () => {
  const suite = useRouteSuite("switchyard-create-runner-", async () => ({
    runners: await import("./route"),
    sites: await import("../sites/route"),
  }));
  let cookie: string;
  let siteId: string;
  let userId: string;

  beforeAll(async () => {
    cookie = await suite.signIn();
    siteId = simulatedSiteId(suite.simulator, "docs-portal");
    const connected = await suite.routes.sites.POST(
      request("/api/sites", { method: "POST", cookie, body: { siteId } }),
      {},
    );
    expect(connected.status).toBe(201);
    const [person] = await (await suite.db()).select({ id: users.id }).from(users);
    userId = person?.id ?? "";
  });

  const create = (body: unknown) =>
    suite.routes.runners.POST(request("/api/runners", { method: "POST", cookie, body }), {});
  const setRole = async (role: UserRole) => (await suite.db()).update(users).set({ role });
  const upstreamCreates = () =>
    suite.simulator.log
      .list()
      .filter((entry) => entry.method === "POST" && entry.path.endsWith("/agent_runners"));
  const cachedCount = async () => (await (await suite.db()).select({ n: count() }).from(runners))[0]?.n;

  it("starts the run on the site as a member, with the body sent, and caches it with the member as its creator", async () => {
    await setRole("member");
    suite.simulator.log.clear();
    const input = {
      prompt: "  Add a changelog page ",
      mode: "ask",
      agent: "codex",
      model: "gpt-5",
      branch: "main",
    };
    const response = await create({ siteId, ...input });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(Object.keys(await (await create({ siteId, prompt: "Second" })).json())).toEqual(["id"]);

    const [sent] = upstreamCreates();
    expect(sent).toMatchObject({ path: `/api/v1/sites/${siteId}/agent_runners`, authenticated: true });
    expect(sent?.body).toEqual({ ...input, prompt: "Add a changelog page" });
    expect(suite.simulator.store.runners.get(id)?.siteId).toBe(siteId);

    await settleBackgroundWork();
    const db = await suite.db();
    const [cached] = await db.select().from(runners).where(eq(runners.id, id));
    expect(cached).toMatchObject({ siteId, createdByUserId: userId, createdViaKeyId: null });
    const watched = await db
      .select({ n: count() })
      .from(syncState)
      .where(and(eq(syncState.siteId, siteId), gt(syncState.watchedUntil, sql`now()`)));
    expect(watched[0]?.n).toBe(1);

    // Recorded once: a later refresh naming someone else (or no one) leaves the creator as it is.
    const [other] = await db.insert(users).values({ email: "other@example.com", role: "member" }).returning();
    const client = createNetlifyClient(netlifyConfigFor(env(), "demo-token"));
    await refreshRunner(db, client, { runnerId: id, siteId, createdByUserId: other?.id });
    await refreshRunner(db, client, { runnerId: id, siteId });
    const [again] = await db.select().from(runners).where(eq(runners.id, id));
    expect(again?.createdByUserId).toBe(userId);
    await setRole("admin");
  });

  it("refuses a viewer, a site not on the board and a bad body, sending nothing upstream", async () => {
    const foreignSiteId = await addForeignSite(suite.simulator);
    suite.simulator.log.clear();
    const before = await cachedCount();
    const refusals: Array<[string, unknown, number, string]> = [
      ["a site not connected", { siteId: foreignSiteId, prompt: "Hi" }, 404, "NOT_FOUND"],
      ["an unknown site", { siteId: "no-such-site", prompt: "Hi" }, 404, "NOT_FOUND"],
      ["an empty prompt", { siteId, prompt: "   " }, 422, "VALIDATION_FAILED"],
      ["no prompt", { siteId }, 400, "BAD_REQUEST"],
      ["create mode", { siteId, prompt: "Hi", mode: "create" }, 422, "VALIDATION_FAILED"],
      ["an unknown agent", { siteId, prompt: "Hi", agent: "clippy" }, 422, "VALIDATION_FAILED"],
      ["an unknown field", { siteId, prompt: "Hi", accountId: "x" }, 400, "BAD_REQUEST"],
    ];
    for (const [what, body, status, code] of refusals) {
      const refused = await create(body);
      expect([what, refused.status, (await refused.json()).code]).toEqual([what, status, code]);
    }
    const empty = (await (await create({ siteId, prompt: "" })).json()) as { error: string };
    expect(empty.error).toMatch(/prompt: Write a prompt for the agent\./);

    await setRole("viewer");
    const viewer = await create({ siteId, prompt: "Hi" });
    expect([viewer.status, (await viewer.json()).error]).toEqual([
      403,
      "This needs the member role; you are a viewer.",
    ]);
    await setRole("admin");
    const signedOut = await suite.routes.runners.POST(
      request("/api/runners", { method: "POST", body: { siteId, prompt: "Hi" } }),
      {},
    );
    expect(signedOut.status).toBe(401);
    const forged = await suite.routes.runners.POST(
      request("/api/runners", {
        method: "POST",
        cookie,
        body: { siteId, prompt: "Hi" },
        origin: "https://evil.example",
      }),
      {},
    );
    expect(forged.status).toBe(403);
    expect((await suite.routes.runners.GET(request("/api/runners", { cookie }), {})).status).toBe(405);
    expect(upstreamCreates()).toEqual([]);
    expect(await cachedCount()).toBe(before);
  });

  it("answers Netlify's credit refusals with their sentences, and caches nothing", async () => {
    await settleBackgroundWork();
    const before = await cachedCount();
    const refuse = (status: number, errorCode: string) =>
      suite.simulator.faults.set([
        {
          pathPrefix: `/sites/${siteId}/agent_runners`,
          errorStatus: status,
          errorBody: { error: "internal quota gate v2", error_code: errorCode },
          count: 1,
        },
      ]);
    try {
      refuse(403, "ai_credit_limit_disabled");
      const disabled = await create({ siteId, prompt: "Hi" });
      const disabledBody = (await disabled.json()) as { error: string; code: string };
      expect([disabled.status, disabledBody.code]).toEqual([502, "UPSTREAM_ERROR"]);
      expect(disabledBody.error).toMatch(
        /^Your AI credit limit on this team is 0, so you cannot start runs\./,
      );

      refuse(429, "ai_credit_limit_exceeded");
      const exceeded = await create({ siteId, prompt: "Hi" });
      const exceededBody = (await exceeded.json()) as { error: string; code: string };
      expect([exceeded.status, exceededBody.code]).toEqual([429, "RATE_LIMITED"]);
      expect(exceeded.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
      expect(exceededBody.error).toMatch(/^The team is out of AI credits/);
      for (const body of [disabledBody, exceededBody]) expect(body.error).not.toContain("quota gate");
    } finally {
      suite.simulator.faults.clear();
    }
    await settleBackgroundWork();
    expect(await cachedCount()).toBe(before);
  });
});
