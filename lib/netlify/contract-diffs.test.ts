import { describe, expect, it } from "vitest";
import { apiError, useContractSimulator } from "./testing/contract-fixture";

/** File paths named by the `diff --git a/… b/…` lines of a unified diff, in order. */
function changedFiles(diff: string): string[] {
  return [...diff.matchAll(/^diff --git a\/(\S+) b\//gm)].map((match) => match[1] ?? "");
}

describe("diff contract: runner diff and session result/cumulative diffs", () => {
  const contract = useContractSimulator();

  it("serves result and cumulative diffs as text/plain unified diffs starting with diff --git", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront", "done", "Add a contact form");
    const first = (await client.sessions.list(runner.id)).items[0];
    const second = await contract.finishedFollowUp(runner.id, "done", "Add a testimonials carousel");
    if (!first) throw new Error("the runner has no first session");

    for (const kind of ["result", "cumulative"] as const) {
      const raw = await contract.raw(`/agent_runners/${runner.id}/sessions/${second.id}/diff/${kind}`);
      expect(raw.status).toBe(200);
      expect(raw.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await raw.text()).toMatch(/^diff --git a\//);
    }

    const firstResult = await client.sessions.resultDiff(runner.id, first.id);
    const secondResult = await client.sessions.resultDiff(runner.id, second.id);
    const secondCumulative = await client.sessions.cumulativeDiff(runner.id, second.id);
    expect(secondResult.startsWith("diff --git ")).toBe(true);
    // Result is this session's own change; cumulative is every file changed so far, once each.
    const firstFiles = changedFiles(firstResult);
    const secondFiles = changedFiles(secondResult);
    const cumulativeFiles = changedFiles(secondCumulative);
    expect(firstFiles.some((file) => !secondFiles.includes(file))).toBe(true);
    expect(new Set(cumulativeFiles)).toEqual(new Set([...firstFiles, ...secondFiles]));
    expect(new Set(cumulativeFiles).size).toBe(cumulativeFiles.length);
  });

  it("answers 404 for the diffs of a session that has not finished and of an unknown session", async () => {
    const { client } = contract;
    const runner = await client.runners.create({
      siteId: await contract.siteId("field-notes-blog"),
      prompt: "Add an archive page",
    });
    const [session] = (await client.sessions.list(runner.id)).items;
    if (!session) throw new Error("the runner has no session");
    expect(await apiError(client.sessions.resultDiff(runner.id, session.id))).toMatchObject({ status: 404 });
    expect(await apiError(client.sessions.cumulativeDiff(runner.id, session.id))).toMatchObject({
      status: 404,
    });
    expect(await apiError(client.runners.diff(runner.id))).toMatchObject({ status: 404 });
    expect(await apiError(client.sessions.resultDiff(runner.id, "ffffffffffffffffffffffff"))).toMatchObject({
      status: 404,
      message: "Not found",
    });
  });

  it("serves the runner diff as the latest cumulative diff, as text/plain with a file count in Total", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("field-notes-blog");
    const second = await contract.finishedFollowUp(runner.id);
    const diff = await client.runners.diff(runner.id);
    expect(diff).toMatch(/^diff --git /);
    expect(diff).toBe(await client.sessions.cumulativeDiff(runner.id, second.id));

    const raw = await contract.raw(`/agent_runners/${runner.id}/diff`);
    expect(raw.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(raw.headers.get("total")).toBe(String(changedFiles(diff).length));
    const streamed = await new Response(await client.runners.diffStream(runner.id)).text();
    expect(streamed).toBe(diff);
  });

  it("pages the runner diff by files with page/per_page; the pages add up to the whole diff", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    await contract.finishedFollowUp(runner.id, "done", "Add a testimonials carousel");
    const whole = await client.runners.diff(runner.id);
    const files = changedFiles(whole);
    expect(files.length).toBeGreaterThan(2);

    const pages: string[] = [];
    for (let page = 1; page <= files.length; page++) {
      const text = await client.runners.diff(runner.id, { page, perPage: 1 });
      expect(changedFiles(text)).toEqual([files[page - 1]]);
      pages.push(text);
    }
    expect(pages.join("")).toBe(whole);

    const raw = await contract.raw(`/agent_runners/${runner.id}/diff?page=1&per_page=2`);
    expect(raw.headers.get("total")).toBe(String(files.length));
    expect(raw.headers.get("link")).toContain('rel="next"');
    expect(changedFiles(await raw.text())).toEqual(files.slice(0, 2));
  });

  it("strip_binary leaves binary file sections out of the runner diff and keeps the text ones", async () => {
    const { client } = contract;
    const siteIds = await Promise.all(
      (["aurora-storefront", "field-notes-blog"] as const).map((name) => contract.siteId(name)),
    );
    const runners = (await Promise.all(siteIds.map((siteId) => client.runners.listAll({ siteId })))).flat();
    let withBinary: { id: string; diff: string } | undefined;
    for (const runner of runners.filter((candidate) => candidate.state === "done")) {
      const diff = await client.runners.diff(runner.id);
      if (/^Binary files /m.test(diff)) {
        withBinary = { id: runner.id, diff };
        break;
      }
    }
    if (!withBinary) throw new Error("the demo seed has no finished runner whose diff holds a binary file");

    const stripped = await client.runners.diff(withBinary.id, { stripBinary: true });
    expect(stripped).not.toMatch(/^Binary files /m);
    const kept = changedFiles(stripped);
    const all = changedFiles(withBinary.diff);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.length);
    expect(all.filter((file) => !kept.includes(file)).every((file) => /\.png$/.test(file))).toBe(true);
  });

  it("hands out diff upload URLs with s3 keys under agent-runner-sessions-diffs/{runner}/{session}", async () => {
    const { client } = contract;
    const runner = await contract.finishedRunner("aurora-storefront");
    const [session] = (await client.sessions.list(runner.id)).items;
    if (!session) throw new Error("the runner has no session");
    const urls = await client.sessions.diffUploadUrls(runner.id, session.id);
    const prefix = `agent-runner-sessions-diffs/${runner.id}/${session.id}`;
    expect(urls.result.s3_key).toBe(`${prefix}/result.patch`);
    expect(urls.cumulative.s3_key).toBe(`${prefix}/cumulative.patch`);
    expect(new URL(urls.result.upload_url).pathname).toContain(`${prefix}/result.patch`);
    expect(new URL(urls.cumulative.upload_url).pathname).toContain(`${prefix}/cumulative.patch`);
    expect(
      await apiError(client.sessions.diffUploadUrls(runner.id, "ffffffffffffffffffffffff")),
    ).toMatchObject({ status: 404 });
  });
});
