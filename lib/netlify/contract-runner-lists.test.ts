import { describe, expect, it } from "vitest";
import { parseLinkHeader } from "./pagination";
import { apiError, useContractSimulator } from "./testing/contract-fixture";

describe("runner lists contract: GET /agent_runners", () => {
  const contract = useContractSimulator();

  it("sorts by last_session_created_at descending, and a follow-up moves its runner to the top", async () => {
    const { client } = contract;
    const older = await contract.finishedRunner("aurora-storefront", "done", "Add a newsletter signup");
    const newer = await contract.finishedRunner("aurora-storefront", "done", "Add a dark mode toggle");
    const siteId = older.site_id;

    const before = await client.runners.listAll({ siteId });
    expect(before.slice(0, 2).map((runner) => runner.id)).toEqual([newer.id, older.id]);
    const keys = before.map((runner) => Date.parse(runner.last_session_created_at ?? ""));
    expect(keys).toEqual([...keys].sort((a, b) => b - a));

    await contract.advance(60_000);
    await client.sessions.create(older.id, { prompt: "Also add a privacy note" });
    const after = await client.runners.listAll({ siteId });
    expect(after.slice(0, 2).map((runner) => runner.id)).toEqual([older.id, newer.id]);
    expect(Date.parse(after[0]?.last_session_created_at ?? "")).toBeGreaterThan(
      Date.parse(older.last_session_created_at ?? ""),
    );
  });

  it("caps per_page at 100 and reports Total and Link as total, nextPage and lastPage", async () => {
    const { client } = contract;
    const siteId = await contract.bulkSite(150);

    const raw = await contract.raw(`/agent_runners?site_id=${siteId}&per_page=101`);
    expect(raw.status).toBe(200);
    expect((await raw.json()) as unknown[]).toHaveLength(100);
    expect(raw.headers.get("total")).toBe("150");
    expect(parseLinkHeader(raw.headers.get("link"))).toEqual({ next: 2, last: 2 });

    const first = await client.runners.list({ siteId, perPage: 100 });
    expect(first).toMatchObject({ total: 150, page: 1, nextPage: 2, lastPage: 2 });
    expect(first.items).toHaveLength(100);
    const second = await client.runners.list({ siteId, perPage: 100, page: 2 });
    expect(second).toMatchObject({ total: 150, page: 2, nextPage: null, lastPage: 2 });
    expect(second.items).toHaveLength(50);
    const firstIds = new Set(first.items.map((runner) => runner.id));
    expect(second.items.some((runner) => firstIds.has(runner.id))).toBe(false);
  });

  it("answers a page past the end with 200, [] and an unchanged Total, linking prev and last only", async () => {
    const { client } = contract;
    const siteId = await contract.bulkSite(30);
    const past = await contract.raw(`/agent_runners?site_id=${siteId}&per_page=20&page=5`);
    expect(past.status).toBe(200);
    expect(await past.json()).toEqual([]);
    expect(past.headers.get("total")).toBe("30");
    expect(parseLinkHeader(past.headers.get("link"))).toEqual({ prev: 2, last: 2 });

    const single = await contract.raw(`/agent_runners?site_id=${siteId}&per_page=50`);
    expect(parseLinkHeader(single.headers.get("link"))).toEqual({ last: 1 });
    const page = await client.runners.list({ siteId, perPage: 20, page: 5 });
    expect(page).toMatchObject({ items: [], total: 30, nextPage: null, lastPage: 2 });
  });

  it("listAll walks every page and returns each runner once", async () => {
    const { client } = contract;
    const siteId = await contract.bulkSite(230);
    const all = await client.runners.listAll({ siteId });
    expect(all).toHaveLength(230);
    expect(new Set(all.map((runner) => runner.id)).size).toBe(230);
    const pagesRequested = contract.sim.log
      .list()
      .filter((entry) => entry.path === "/api/v1/agent_runners" && entry.query.includes(siteId));
    expect(pagesRequested.map((entry) => new URLSearchParams(entry.query).get("page"))).toEqual([
      "1",
      "2",
      "3",
    ]);
  });

  it("filters by state: each state filter returns only runners in that state", async () => {
    const { client } = contract;
    const siteId = await contract.siteId("aurora-storefront");
    const everything = [
      ...(await client.runners.listAll({ siteId })),
      ...(await client.runners.listAll({ siteId, state: "archived" })),
    ];
    for (const state of ["new", "running", "done", "error", "archived"] as const) {
      const filtered = await client.runners.listAll({ siteId, state });
      const expected = everything.filter((runner) => runner.state === state).map((runner) => runner.id);
      expect(expected.length, `demo seed has ${state} runners`).toBeGreaterThan(0);
      expect(filtered.map((runner) => runner.id).sort()).toEqual(expected.sort());
    }
    expect(await apiError(client.runners.list({ siteId, state: "bogus" as "done" }))).toMatchObject({
      status: 422,
    });
  });

  it("filters by from/to in Unix seconds; millisecond values match nothing", async () => {
    const { client } = contract;
    const siteId = await contract.siteId("field-notes-blog");
    await contract.advance(3_600_000);
    const created = await client.runners.create({ siteId, prompt: "Add a reading-time badge" });
    const createdAt = new Date(created.created_at);
    const seconds = Math.floor(createdAt.getTime() / 1000);

    const fromNow = await client.runners.listAll({ siteId, from: createdAt });
    expect(fromNow.map((runner) => runner.id)).toEqual([created.id]);
    const fromSeconds = await client.runners.list({ siteId, from: seconds });
    expect(fromSeconds.items.map((runner) => runner.id)).toEqual([created.id]);

    const untilBefore = await client.runners.listAll({ siteId, to: seconds - 1 });
    expect(untilBefore.length).toBeGreaterThan(0);
    expect(untilBefore.map((runner) => runner.id)).not.toContain(created.id);

    const fromMillis = await client.runners.list({ siteId, from: createdAt.getTime() - 60_000 });
    expect(fromMillis).toMatchObject({ items: [], total: 0 });
  });

  it("filters by title substring and by user_id", async () => {
    const { client } = contract;
    const siteId = await contract.siteId("aurora-storefront");
    const created = await client.runners.create({ siteId, prompt: "Add a zebra-striped table" });
    const byTitle = await client.runners.listAll({ siteId, title: created.title?.slice(0, 12) ?? "" });
    expect(byTitle.map((runner) => runner.id)).toContain(created.id);
    expect(byTitle.every((runner) => runner.title?.includes(created.title?.slice(0, 12) ?? ""))).toBe(true);

    const me = await client.user.current();
    expect((await client.runners.listAll({ siteId, userId: me.id })).length).toBeGreaterThan(0);
    expect(await client.runners.listAll({ siteId, userId: "somebody-else" })).toEqual([]);
  });

  it("refuses a list without site_id with 400 and for an unknown site with 404", async () => {
    const missing = await contract.raw("/agent_runners");
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "site_id is required" });
    expect(await apiError(contract.client.runners.list({ siteId: "no-such-site" }))).toMatchObject({
      status: 404,
    });
  });
});
