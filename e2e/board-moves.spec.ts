import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { type BoardKey, mintKeyFor, startRunThroughProxy } from "./testing/proxy-runs";
import { findRun, forcePullRequestToOpen } from "./testing/runs";
import { signInAsDemoUser } from "./testing/sign-in";
import { SimulatorControls } from "./testing/simulator-controls";

/*
 * Moving cards as a person does: a drag from the keyboard, the "Move to…" menu, and a move the
 * run cannot make, which is refused with the reason. Each scenario starts its own run.
 */

const siteName = "docs-portal";
let page: Page;
let api: APIRequestContext;
let key: BoardKey;

const column = (name: RegExp) => page.getByRole("region", { name });
const card = (title: string, where?: RegExp) =>
  (where ? column(where) : page.getByRole("main")).getByRole("article", { name: title, exact: true });

test.describe("moving cards", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ browser, playwright }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL ?? "";
    page = await (await browser.newContext({ baseURL })).newPage();
    api = await playwright.request.newContext({ baseURL });
    await signInAsDemoUser(page);
    key = await mintKeyFor(page, siteName, "Board moves");
  });

  test.afterAll(async () => {
    if (key)
      await page.request.delete(`/api/keys/${key.id}`, { headers: { origin: new URL(page.url()).origin } });
    await api?.dispose();
    await page?.context().close();
  });

  test("stops a running card with the keyboard alone, from its Move to… menu", async () => {
    const runner = await startRunThroughProxy(api, key, "keyboard stop");
    await page.goto(`/?q=${encodeURIComponent(runner.title)}`);
    await expect(card(runner.title, /^(New|Running)/)).toBeVisible();
    await card(runner.title)
      .getByRole("button", { name: `Move “${runner.title}” to…` })
      .focus();
    await page.keyboard.press("Enter");
    // A running run can only be stopped: the menu's one enabled item has the focus.
    await expect(page.getByRole("menuitem", { name: /^Cancelled/ })).toBeFocused();
    await expect(page.getByRole("menuitem", { name: /^Needs review/ })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    await page.keyboard.press("Enter");
    await expect(card(runner.title, /^Cancelled/)).toBeVisible();
    await expect(page.getByText(`Stopping “${runner.title}”.`)).toBeVisible();
    // The cache follows the stop; the card stays put (no flash back).
    await expect
      .poll(async () => {
        const answer = await api.get(`/api/proxy/agent_runners/${runner.id}`, {
          headers: { Authorization: `Bearer ${key.secret}` },
        });
        return ((await answer.json()) as { state: string }).state;
      })
      .toBe("cancelled");
    await expect(card(runner.title, /^Cancelled/)).toBeVisible();
  });

  test("moves a card with the keyboard: Space picks it up, arrows change column, Space drops", async () => {
    const runner = await startRunThroughProxy(api, key, "keyboard drag");
    await page.goto(`/?q=${encodeURIComponent(runner.title)}`);
    const handle = card(runner.title, /^(New|Running)/).getByRole("button", {
      name: `Drag “${runner.title}”`,
    });
    await handle.focus();
    await page.keyboard.press("Space");
    const status = page.getByRole("status").filter({ hasText: runner.title });
    await expect(status).toContainText("Picked up");
    await expect(handle).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("ArrowRight");
    await expect(status).toContainText("Not allowed");
    for (let step = 0; step < 8; step++) {
      if ((await status.textContent())?.includes("over Cancelled")) break;
      await page.keyboard.press("ArrowRight");
    }
    await expect(status).toContainText("is over Cancelled. Dropping it here will stop the run.");
    await page.keyboard.press("Space");
    await expect(card(runner.title, /^Cancelled/)).toBeVisible();
    await expect(page.getByText(`Stopping “${runner.title}”.`)).toBeVisible();

    // Escape puts a picked-up card back without doing anything.
    const again = card(runner.title, /^Cancelled/).getByRole("button", { name: `Drag “${runner.title}”` });
    await again.focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Escape");
    await expect(status).toContainText("was cancelled; it stays where it was");
    await expect(card(runner.title, /^Cancelled/)).toBeVisible();
  });

  test("refuses a dragged move the run cannot make, says why, and leaves the card where it was", async () => {
    const simulator = SimulatorControls.ofRunningDemo(api);
    const runner = await startRunThroughProxy(api, key, "refused move");
    await simulator.setRunnerState(runner.id, "running");
    await page.goto(`/?q=${encodeURIComponent(runner.title)}`);
    const handle = card(runner.title, /^Running/).getByRole("button", { name: `Drag “${runner.title}”` });
    const from = await handle.boundingBox();
    const target = await column(/^Needs review/).boundingBox();
    if (!from || !target) throw new Error("the handle and the column are on screen");
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + 80, { steps: 12 });
    const reason = "A run that has not finished can only be stopped: drop it on Cancelled.";
    await expect(column(/^Needs review/).getByText(reason)).toBeVisible();
    await page.mouse.up();
    await expect(page.getByRole("listitem").filter({ hasText: reason })).toBeVisible();
    await expect(card(runner.title, /^Running/)).toBeVisible();
    await simulator.setRunnerState(runner.id, null);
  });

  test("drags a finished run by its grip onto PR open, which opens a pull request", async () => {
    // A finished run of the demo's seed on field-notes-blog (docs-portal has no GitHub App
    // installed, so its runs cannot open pull requests), with a title no other card has.
    const seeded = await findRun(page, {
      site: "field-notes-blog",
      card: (each) =>
        each.state === "done" && !each.prUrl && !each.prIsBeingCreated && each.hasDiff && each.title !== null,
      detail: (detail) =>
        detail.abilities.createPr.allowed &&
        detail.runner.title !== "Write unit tests for the cart total calculation",
    });
    const finished = { title: seeded.runner.title ?? "" };
    await forcePullRequestToOpen(page, seeded);
    await page.goto(`/?q=${seeded.runner.id}`);
    await expect(card(finished.title, /^Needs review/)).toBeVisible();
    const from = await card(finished.title)
      .getByRole("button", { name: `Drag “${finished.title}”` })
      .boundingBox();
    const target = await column(/^PR open/).boundingBox();
    if (!from || !target) throw new Error("the grip and the column are on screen");
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    // Into the column's left side: the board's right edge would scroll it sideways instead.
    await page.mouse.move(target.x + 40, target.y + 80, { steps: 12 });
    await expect(column(/^PR open/).getByText("Drop to open a pull request")).toBeVisible();
    await page.mouse.up();
    await expect(card(finished.title, /^PR open/)).toBeVisible();
    await expect(page.getByText(`Opening a pull request for “${finished.title}”.`)).toBeVisible();
  });

  test("sends a follow-up to a stopped run from the Move to… menu, through its dialog", async () => {
    const runner = await startRunThroughProxy(api, key, "follow-up");
    const stopped = await api.delete(`/api/proxy/agent_runners/${runner.id}`, {
      headers: { Authorization: `Bearer ${key.secret}` },
    });
    expect(stopped.ok(), await stopped.text()).toBe(true);
    await page.goto(`/?q=${encodeURIComponent(runner.title)}`);
    await expect(card(runner.title, /^Cancelled/)).toBeVisible();

    await card(runner.title)
      .getByRole("button", { name: `Move “${runner.title}” to…` })
      .click();
    await expect(page.getByRole("menuitem", { name: /^Merged/ })).toHaveAttribute("aria-disabled", "true");
    await page.getByRole("menuitem", { name: /^Running/ }).click();
    const dialog = page.getByRole("dialog", { name: "Send a follow-up" });
    await expect(dialog.getByRole("button", { name: "Send follow-up" })).toBeDisabled();
    await dialog.getByRole("textbox", { name: "Prompt" }).fill("Also add a sitemap");
    await dialog.getByRole("button", { name: "Send follow-up" }).click();
    await expect(card(runner.title, /^Running/)).toBeVisible();
    await expect(page.getByText(`Follow-up sent to “${runner.title}”.`)).toBeVisible();
  });

  test("a pull request Netlify refuses sends the card back, saying the deploy permission is missing", async () => {
    const simulator = SimulatorControls.ofRunningDemo(api);
    const runner = await startRunThroughProxy(api, key, "refused pull request");
    await simulator.setRunnerState(runner.id, "done");
    await page.goto(`/?q=${encodeURIComponent(runner.title)}`);
    await expect(card(runner.title, /^Needs review/)).toBeVisible();
    await simulator.injectFault({
      pathPrefix: `/agent_runners/${runner.id}/pull_request`,
      errorStatus: 403,
      errorBody: { error: "Forbidden" },
      count: 1,
    });
    try {
      await card(runner.title)
        .getByRole("button", { name: `Move “${runner.title}” to…` })
        .click();
      await page.getByRole("menuitem", { name: /^PR open/ }).click();
      await expect(
        page.getByText(
          "Netlify refused: you do not have permission to deploy this site, so a pull request cannot be opened.",
        ),
      ).toBeVisible();
      await expect(card(runner.title, /^Needs review/)).toBeVisible();
    } finally {
      await simulator.clearFaults();
      await simulator.setRunnerState(runner.id, null);
    }
  });

  test("archives a finished run after a confirmation; the archive toggle shows it again", async () => {
    const runner = await startRunThroughProxy(api, key, "archive");
    const stopped = await api.delete(`/api/proxy/agent_runners/${runner.id}`, {
      headers: { Authorization: `Bearer ${key.secret}` },
    });
    expect(stopped.ok(), await stopped.text()).toBe(true);
    await page.goto(`/?q=${encodeURIComponent(runner.title)}`);
    await card(runner.title, /^Cancelled/)
      .getByRole("button", { name: `Move “${runner.title}” to…` })
      .click();
    await page.getByRole("menuitem", { name: /^Archived/ }).click();
    const confirm = page.getByRole("dialog", { name: "Archive this run?" });
    await confirm.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByText(`Archived “${runner.title}”.`)).toBeVisible();
    await expect(card(runner.title)).toBeHidden();
    await page.getByRole("checkbox", { name: "Show archived" }).check();
    await expect(card(runner.title, /^Archived/)).toBeVisible();
    await expect(page).toHaveURL(/archived=true/);
  });

  test("answers the agent's question right on its Needs you card", async () => {
    const simulator = SimulatorControls.ofRunningDemo(api);
    const purpose = `question ${Date.now().toString(36)}`;
    const question = `Which colour for the banner (${purpose})?`;
    await simulator.forceOutcomes({
      sessions: [{ questions: [{ question, options: ["Teal", "Amber"] }] }],
      prompt_includes: purpose,
    });
    // The simulated agent asks a third of the way through its session, on the demo's real-time
    // clock; the clock is not pushed on, since other scenarios share it.
    test.setTimeout(150_000);
    const runner = await startRunThroughProxy(api, key, purpose);
    await page.goto(`/?q=${encodeURIComponent(runner.title)}`);
    const asking = card(runner.title, /^Needs you/);
    await expect(asking).toBeVisible({ timeout: 120_000 });
    const form = asking.getByRole("form", { name: `Answer the questions of ${runner.title}` });
    await expect(form.getByRole("group", { name: question })).toBeVisible();
    await expect(form.getByRole("button", { name: "Send answer" })).toBeDisabled();
    await form.getByRole("button", { name: "Amber" }).click();
    await expect(form.getByRole("button", { name: "Amber" })).toHaveAttribute("aria-pressed", "true");
    await form.getByRole("button", { name: "Send answer" }).click();
    await expect(card(runner.title, /^Running/)).toBeVisible();
    await expect(page.getByText(`Answer sent to “${runner.title}”.`)).toBeVisible();
  });
});
