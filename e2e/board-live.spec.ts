import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, type Locator, type Page, test } from "@playwright/test";
import { serverLogFile } from "./testing/demo-handoff";
import { type BoardKey, mintKeyFor, startRunThroughProxy } from "./testing/proxy-runs";
import { signInAsDemoUser } from "./testing/sign-in";
import { SimulatorControls } from "./testing/simulator-controls";

/*
 * The board follows the cache while it is open: no reload, no cron call. A runner created through
 * the proxy shows up within 5 s (the proxy's refresh after the write, then the board's event
 * stream), and a change upstream within the active polling interval (the refresh an open board
 * drives). The launcher calls the cron route once a minute; a scenario that a cron call happened
 * to overlap proves nothing, so it is run again with a new runner.
 */

const siteName = "field-notes-blog";
/** The active refresh runs every 3 s, started at most a second late, then the event and the fetch. */
const activePollingBudgetMs = 5_000;

let page: Page;
let api: APIRequestContext;
let key: BoardKey;

test.describe("the open board", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ browser, playwright }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL ?? "";
    page = await (await browser.newContext({ baseURL })).newPage();
    api = await playwright.request.newContext({ baseURL });
    await signInAsDemoUser(page);
    key = await mintKeyFor(page, siteName, "Live board");
  });

  test.afterAll(async () => {
    if (key)
      await page.request.delete(`/api/keys/${key.id}`, {
        headers: { origin: new URL(page.url()).origin },
      });
    await api?.dispose();
    await page?.context().close();
  });

  const createThroughProxy = (purpose: string) => startRunThroughProxy(api, key, purpose);

  const card = (title: string, column?: RegExp) =>
    (column ? page.getByRole("region", { name: column }) : page.getByRole("main")).getByRole("article", {
      name: title,
      exact: true,
    });

  /**
   * Waits for `target` to show, looking every 100 ms: `toBeVisible` backs off to a look a second,
   * which would add up to a second to the latency measured.
   */
  const shownWithin = (target: Locator, timeout: number) =>
    expect.poll(() => target.isVisible(), { intervals: [100], timeout }).toBe(true);

  test("shows a runner created through the proxy within 5 seconds, without a reload or a cron call", async () => {
    await page.goto("/");
    const latency = await withoutCronCall(async () => {
      const runner = await createThroughProxy("footer links");
      const created = Date.now();
      await shownWithin(card(runner.title), 5_000);
      return Date.now() - created;
    });
    test
      .info()
      .annotations.push({ type: "latency", description: `proxy write → card visible: ${latency} ms` });
    expect(latency).toBeLessThanOrEqual(5_000);
  });

  test("moves a card when its runner changes upstream, within the active polling interval", async () => {
    const simulator = SimulatorControls.ofRunningDemo(api);
    await page.goto("/");
    const latency = await withoutCronCall(async () => {
      const runner = await createThroughProxy("image alt texts");
      await expect(card(runner.title, /^(New|Running)/)).toBeVisible({ timeout: 5_000 });
      await simulator.setRunnerState(runner.id, "done");
      const changed = Date.now();
      await shownWithin(card(runner.title, /^Needs review/), activePollingBudgetMs);
      return Date.now() - changed;
    });
    test
      .info()
      .annotations.push({ type: "latency", description: `upstream change → card moved: ${latency} ms` });
    expect(latency).toBeLessThanOrEqual(activePollingBudgetMs);
  });
});

/** How many calls of the cron route the server has logged so far. */
const cronCallsLogged = () =>
  readFileSync(serverLogFile(), "utf8")
    .split("\n")
    .filter((line) => line.includes('"path":"/api/cron/sync"')).length;

/**
 * Runs `scenario` until no cron call was logged while it ran (or in the second after, for a call
 * still under way), at most three times; answers its result.
 */
async function withoutCronCall<T>(scenario: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const before = cronCallsLogged();
    const result = await scenario();
    await page.waitForTimeout(1_000);
    if (cronCallsLogged() === before) return result;
    if (attempt === 3) throw new Error("a cron call overlapped every attempt");
  }
}
