import { readFileSync } from "node:fs";
import { type APIRequestContext, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { boardCardCounts } from "./testing/board";
import {
  type CurlExample,
  type CurlRun,
  curlCommandCount,
  curlExamples,
  jsonExampleUnder,
  runCurlExample,
} from "./testing/curl-examples";
import { signInAsDemoUser } from "./testing/sign-in";
import { SimulatorControls } from "./testing/simulator-controls";

/*
 * The public contract, docs/proxy-api.md, promises that every curl example in it works as
 * printed. Each one runs here with the real curl binary, word for word but for its placeholders,
 * against the demo's simulator: a new example in the document is a new test without any change here.
 */

const contract = readFileSync(new URL("../docs/proxy-api.md", import.meta.url), "utf8");
const examples = curlExamples(contract);
/** The examples of the document as first published; fewer found means the parsing slipped. */
const publishedExamples = 14;
const siteName = "field-notes-blog"; // on GitHub in the demo seed, so pull requests can be opened
/** The simulated agent's longest session is 150 s; past this every session started has ended. */
const longestSessionMs = 160_000;
const pullRequestLandsMs = 5_000;

/** The runner an example needs: a finished one by default, one with an open PR and new changes to commit. */
type RunnerNeed = "none" | "done" | "running" | "open-pr-with-new-changes";

function needOf({ endpoint }: CurlExample): RunnerNeed {
  if (!endpoint.includes("{runner_id}")) return "none";
  if (endpoint === "DELETE /agent_runners/{runner_id}") return "running";
  if (endpoint === "POST /agent_runners/{runner_id}/commit") return "open-pr-with-new-changes";
  return "done";
}

interface Runner {
  id: string;
  state: string;
  site_id: string;
  title: string | null;
  pr_url: string | null;
  pr_branch: string | null;
  pr_is_being_created?: boolean;
}

interface MintedKey {
  id: string;
  secret: string;
}

let context: BrowserContext;
let board: Page;
let api: APIRequestContext;
let simulator: SimulatorControls;
let proxyUrl: string;
let siteId: string;
let fullKey: MintedKey;
let keyWithoutDeploy: MintedKey;
let teamWasOn = true;
const runners = new Map<CurlExample, Runner>();

async function mintKey(name: string, scopes: string[]): Promise<MintedKey> {
  const answer = await board.request.post("/api/keys", {
    data: { name, siteId, scopes, expires: "7d" },
    headers: { origin: new URL(board.url()).origin },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  const minted = (await answer.json()) as { key: string; apiKey: { id: string } };
  return { id: minted.apiKey.id, secret: minted.key };
}

/** A call through the proxy with the full key, to set the scene (the examples themselves go through curl). */
async function viaProxy<T>(method: string, path: string, data?: unknown): Promise<T> {
  const answer = await api.fetch(`${proxyUrl}${path}`, {
    method,
    data,
    headers: { Authorization: `Bearer ${fullKey.secret}` },
  });
  expect(answer.ok(), `${method} ${path}: ${await answer.text()}`).toBe(true);
  return (await answer.json()) as T;
}

const startRunner = (purpose: string) =>
  viaProxy<Runner>("POST", "/agent_runners", { prompt: `Proofread the about page for the ${purpose}` });

/**
 * Every example gets a runner of its own, so one example's write (a follow-up, a pull request)
 * never changes what another finds. The simulator's forced outcomes and clock bring them to the
 * state needed in a few calls; the team stays off meanwhile, so it opens no pull request of its own on them.
 */
async function prepareRunners(): Promise<void> {
  const needing = (need: RunnerNeed) => examples.filter((example) => needOf(example) === need);
  const [done, withOpenPr] = [needing("done"), needing("open-pr-with-new-changes")];
  await simulator.forceOutcomes({
    sessions: Array<"done">(done.length + 2 * withOpenPr.length).fill("done"),
    pull_requests: Array<"ok">(withOpenPr.length).fill("ok"),
    prompt_includes: "for the contract example",
  });
  for (const example of [...done, ...withOpenPr])
    runners.set(example, await startRunner(`contract example ${examples.indexOf(example) + 1}`));
  await simulator.advanceClock(longestSessionMs);
  for (const example of withOpenPr)
    await viaProxy("POST", `/agent_runners/${runners.get(example)?.id}/pull_request`);
  await simulator.advanceClock(pullRequestLandsMs);
  for (const example of withOpenPr)
    await viaProxy("POST", `/agent_runners/${runners.get(example)?.id}/sessions`, {
      prompt: "Also fix the typo in the footer",
    });
  await simulator.advanceClock(longestSessionMs);
  for (const example of [...done, ...withOpenPr]) {
    const runner = await viaProxy<Runner>("GET", `/agent_runners/${runners.get(example)?.id}`);
    expect(runner.state, `the runner of "${example.heading}"`).toBe("done");
    if (withOpenPr.includes(example))
      expect(runner.pr_branch, "the pull request's branch").toEqual(expect.any(String));
    runners.set(example, runner);
  }
}

test.describe("the curl examples of docs/proxy-api.md", () => {
  // One scene for all examples: one worker, in the document's order.
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ browser, playwright }, testInfo) => {
    testInfo.setTimeout(90_000);
    const baseURL = testInfo.project.use.baseURL ?? "";
    proxyUrl = `${baseURL}/api/proxy`;
    context = await browser.newContext({ baseURL });
    board = await context.newPage();
    api = await playwright.request.newContext({ baseURL });
    simulator = SimulatorControls.ofRunningDemo(api);
    await signInAsDemoUser(board);

    const sites = await board.request.get(`/api/sites?search=${siteName}`);
    const listed = (await sites.json()) as { sites: Array<{ id: string; name: string; connected: boolean }> };
    const site = listed.sites.find((each) => each.name === siteName && each.connected);
    if (!site) throw new Error(`${siteName} is not on the board`);
    siteId = site.id;
    const name = `Contract ${Date.now().toString(36)}`;
    fullKey = await mintKey(`${name} full`, [
      "agent_runners:read",
      "agent_runners:write",
      "agent_runners:deploy",
    ]);
    keyWithoutDeploy = await mintKey(`${name} no deploy`, ["agent_runners:read", "agent_runners:write"]);

    teamWasOn = await simulator.setTeam(false);
    await prepareRunners();
  });

  test.afterAll(async () => {
    await simulator?.setTeam(teamWasOn);
    for (const key of [fullKey, keyWithoutDeploy].filter(Boolean))
      await board?.request.delete(`/api/keys/${key.id}`, {
        headers: { origin: new URL(board.url()).origin },
      });
    await api?.dispose();
    await context?.close();
  });

  test("every curl example of the document is found", () => {
    expect(examples.length).toBeGreaterThanOrEqual(publishedExamples);
    expect(examples).toHaveLength(curlCommandCount(contract));
  });

  for (const [index, example] of examples.entries()) {
    test(`example ${index + 1}, ${example.heading}: ${example.endpoint} works as printed`, async () => {
      const runner = needOf(example) === "running" ? await startRunner("stop example") : runners.get(example);
      const isCreate = example.endpoint === "POST /agent_runners";
      const cardsBefore = isCreate ? await boardCardCounts(board) : undefined;

      const run = await runCurlExample(example, {
        baseUrl: proxyUrl,
        apiKey: fullKey.secret,
        runnerId: runner?.id,
        prBranch: runner?.pr_branch ?? undefined,
      });
      const answered = Date.now();
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stderr).toBe("");
      expect(run.status, run.stdout).toBeGreaterThanOrEqual(200);
      expect(run.status, run.stdout).toBeLessThan(300);
      expect(run.headers["cache-control"]).toBe("no-store");
      expectDocumentedAnswer(example, run, runner);

      if (cardsBefore) {
        // Data Freshness: the proxy refreshes the board's cache after a write.
        const { title } = JSON.parse(run.stdout) as Runner;
        if (!title) throw new Error("the new runner has no title to find its card by");
        const cards = board.getByRole("article", { name: title, exact: true });
        await expect(async () => {
          await board.reload();
          expect(await cards.count()).toBeGreaterThan(cardsBefore.get(title) ?? 0);
        }).toPass({ timeout: Math.max(0, 5_000 - (Date.now() - answered)) });
      }
    });
  }

  test("a key without agent_runners:deploy gets the documented 403 on the pull request example", async () => {
    const example = examples.find((each) => each.endpoint === "POST /agent_runners/{runner_id}/pull_request");
    if (!example) throw new Error("the document has no pull request example");
    const documented = jsonExampleUnder(contract, "Error Responses") as { error: string };
    const run = await runCurlExample(example, {
      baseUrl: proxyUrl,
      apiKey: keyWithoutDeploy.secret,
      runnerId: runners.get(example)?.id,
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.status).toBe(403);
    expect(run.headers["cache-control"]).toBe("no-store");
    expect(run.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(run.stdout)).toMatchObject(documented);
    expect(documented.error).toBe("API key missing required scope: agent_runners:deploy");
  });
});

/** What the document promises each endpoint answers. */
function expectDocumentedAnswer(example: CurlExample, run: CurlRun, runner: Runner | undefined): void {
  if (example.endpoint === "DELETE /agent_runners/{runner_id}") {
    expect(run.status).toBe(202);
    return;
  }
  if (example.endpoint === "GET /agent_runners/{runner_id}/diff") {
    expect(run.headers["content-type"]).toMatch(/^text\/plain/);
    expect(run.stdout).toMatch(/^diff --git /m);
    return;
  }
  expect(run.headers["content-type"]).toMatch(/^application\/json/);
  const answer: unknown = JSON.parse(run.stdout);
  const ofRunner = { agent_runner_id: runner?.id };
  switch (example.endpoint) {
    case "GET /agent_runners":
      expect(Array.isArray(answer)).toBe(true);
      expect(answer).toEqual(expect.arrayContaining([expect.objectContaining({ site_id: siteId })]));
      expect((answer as Runner[]).every((each) => each.site_id === siteId)).toBe(true);
      break;
    case "POST /agent_runners":
      expect(answer).toMatchObject({ id: expect.any(String), site_id: siteId, state: "running" });
      break;
    case "GET /agent_runners/{runner_id}/sessions":
      expect(answer).toEqual(expect.arrayContaining([expect.objectContaining(ofRunner)]));
      expect((answer as Array<typeof ofRunner>).every((each) => each.agent_runner_id === runner?.id)).toBe(
        true,
      );
      break;
    case "POST /agent_runners/{runner_id}/sessions":
      expect(answer).toMatchObject({ ...ofRunner, id: expect.any(String) });
      break;
    case "POST /agent_runners/{runner_id}/pull_request": {
      expect(answer).toMatchObject({ id: runner?.id, site_id: siteId });
      const { pr_url, pr_branch, pr_is_being_created } = answer as Runner;
      // Netlify opens the pull request asynchronously: at first it is being created.
      expect(Boolean(pr_url && pr_branch) || pr_is_being_created === true, run.stdout).toBe(true);
      break;
    }
    default:
      if (example.endpoint.includes("{runner_id}"))
        expect(answer).toMatchObject({ id: runner?.id, site_id: siteId });
  }
}
