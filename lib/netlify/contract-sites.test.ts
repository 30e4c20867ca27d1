import { describe, expect, it } from "vitest";
import { apiError, useContractSimulator } from "./testing/contract-fixture";

describe("sites, user and accounts contract", () => {
  const contract = useContractSimulator();

  it("lists the token's sites by name with Total and Link paging; listAll walks the pages", async () => {
    const { client } = contract;
    const page = await client.sites.list();
    expect(page).toMatchObject({ total: 3, page: 1, nextPage: null, lastPage: 1 });
    expect(page.items.map((site) => site.name)).toEqual([
      "aurora-storefront",
      "docs-portal",
      "field-notes-blog",
    ]);

    const first = await client.sites.list({ perPage: 2 });
    expect(first).toMatchObject({ total: 3, nextPage: 2, lastPage: 2 });
    expect(first.items).toHaveLength(2);
    const second = await client.sites.list({ perPage: 2, page: 2 });
    expect(second.items.map((site) => site.name)).toEqual(["field-notes-blog"]);
    expect((await client.sites.listAll()).map((site) => site.name)).toEqual(
      page.items.map((site) => site.name),
    );
    expect((await client.sites.list({ name: "docs" })).items.map((site) => site.name)).toEqual([
      "docs-portal",
    ]);
  });

  it("gets one site with its account and repo settings; the zip site has no build_settings", async () => {
    const { client } = contract;
    const [account] = await client.accounts.list();
    const git = await client.sites.get(await contract.siteId("aurora-storefront"));
    expect(git).toMatchObject({
      name: "aurora-storefront",
      account_id: account?.id,
      account_slug: account?.slug,
      build_settings: { provider: "github", repo_branch: "main" },
    });
    expect(git.build_settings?.repo_url).toMatch(/^https:\/\/github\.com\/.+\/aurora-storefront$/);
    const zip = await client.sites.get(await contract.siteId("docs-portal"));
    expect(zip).toMatchObject({ name: "docs-portal", build_settings: null });
    expect(await apiError(client.sites.get("no-such-site"))).toMatchObject({
      status: 404,
      message: "Not found",
    });
  });

  it("returns the token's user from /user and its team from /accounts", async () => {
    const { client } = contract;
    const user = await client.user.current();
    expect(user).toMatchObject({ full_name: "Dana Demo", email: "dana@example.com", avatar_url: null });
    expect(user.id).toMatch(/^[0-9a-f]{24}$/);
    const accounts = await client.accounts.list();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ name: "Demo Team", slug: "demo-team" });
    const runner = await contract.finishedRunner("aurora-storefront");
    expect(runner.user?.id).toBe(user.id);
    expect(runner.contributors?.map((contributor) => contributor.id)).toEqual([user.id]);
  });

  it("keeps accounts apart: another token sees only its own user, account and sites", async () => {
    const other = await contract.otherAccount("contract-other-token", [
      { name: "other-shop", code_origin: "github" },
      { name: "other-drop", code_origin: "zip" },
    ]);
    const me = await contract.client.user.current();
    const them = await other.client.user.current();
    expect(them).toMatchObject({ id: other.userId, full_name: "Olive Other" });
    expect(them.id).not.toBe(me.id);
    expect((await other.client.accounts.list()).map((account) => account.id)).toEqual([other.accountId]);
    expect((await other.client.sites.listAll()).map((site) => site.name)).toEqual([
      "other-drop",
      "other-shop",
    ]);
    const mine = (await contract.client.sites.listAll()).map((site) => site.id);
    expect(other.siteIds).toHaveLength(2);
    for (const theirs of other.siteIds) expect(mine).not.toContain(theirs);
  });

  it("answers 404 when another account's token reaches for this account's sites, runners and sessions", async () => {
    const { client } = contract;
    const other = await contract.otherAccount("contract-other-token");
    const siteId = await contract.siteId("aurora-storefront");
    const runner = await contract.finishedRunner("aurora-storefront");
    const [session] = (await client.sessions.list(runner.id)).items;
    const sessionId = session?.id ?? "";

    const attempts = [
      () => other.client.sites.get(siteId),
      () => other.client.runners.list({ siteId }),
      () => other.client.runners.create({ siteId, prompt: "Sneak in" }),
      () => other.client.runners.get(runner.id),
      () => other.client.runners.update(runner.id, { title: "Hijacked" }),
      () => other.client.runners.stop(runner.id),
      () => other.client.runners.archive(runner.id),
      () => other.client.runners.diff(runner.id),
      () => other.client.runners.createPullRequest(runner.id),
      () => other.client.runners.commit(runner.id, "agent-x"),
      () => other.client.sessions.list(runner.id),
      () => other.client.sessions.get(runner.id, sessionId),
      () => other.client.sessions.create(runner.id, { prompt: "Sneak in" }),
      () => other.client.sessions.redeploy(runner.id, sessionId),
      () => other.client.sessions.resultDiff(runner.id, sessionId),
    ];
    for (const attempt of attempts) {
      expect(await apiError(attempt())).toMatchObject({ status: 404 });
    }
    // Nothing the other token tried changed the runner.
    const after = await client.runners.get(runner.id);
    expect(after).toMatchObject({ state: "done", title: runner.title, pr_is_being_created: false });
    expect(after.merge_commit_is_being_created).toBe(false);
    expect(await client.sessions.listAll(runner.id)).toHaveLength(1);
  });

  it("answers 404 when this account's token reaches for another account's site", async () => {
    const other = await contract.otherAccount("contract-other-token", [
      { name: "other-shop", code_origin: "github" },
    ]);
    const theirSite = other.siteIds[0] ?? "";
    const theirRunner = await other.client.runners.create({ siteId: theirSite, prompt: "Their change" });
    expect(await apiError(contract.client.sites.get(theirSite))).toMatchObject({ status: 404 });
    expect(await apiError(contract.client.runners.list({ siteId: theirSite }))).toMatchObject({
      status: 404,
    });
    expect(await apiError(contract.client.runners.get(theirRunner.id))).toMatchObject({ status: 404 });
    expect((await other.client.runners.get(theirRunner.id)).site_name).toBe("other-shop");
  });
});
