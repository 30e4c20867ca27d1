import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { findRun, finishedSessions, forcePullRequestToOpen } from "./testing/runs";
import { signInAsDemoUser } from "./testing/sign-in";
import { SimulatorControls } from "./testing/simulator-controls";

/*
 * A run's page and the board's side panel, as a person uses them: reading the sessions, the
 * actions (each on a seeded run of its own), and a diff of thousands of files.
 */

const dialog = (page: Page) => page.getByRole("dialog", { name: /^Run: / });
const noPullRequest = (card: { state: string; prUrl: string | null; prIsBeingCreated: boolean }) =>
  card.state === "done" && !card.prUrl && !card.prIsBeingCreated;

test.beforeEach(async ({ page }) => {
  await signInAsDemoUser(page);
});

test("opens a run from the board in a side panel; Escape and Back return to the board, a reload shows its page", async ({
  page,
}) => {
  const run = await findRun(page, {
    site: "aurora-storefront",
    card: noPullRequest,
    detail: (detail) =>
      finishedSessions(detail, 3) && detail.runner.title === "Migrate the pricing table to CSS grid",
  });
  const title = run.runner.title ?? "";
  // The board's search also matches a run's id: titles repeat across the demo's runs.
  await page.goto(`/?q=${run.runner.id}`);
  const card = page.getByRole("region", { name: /^Needs review/ }).getByRole("article", { name: title });
  await card.getByRole("link", { name: title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/runners/${run.runner.id}$`));
  const panel = dialog(page);
  await expect(panel.getByRole("heading", { level: 2, name: title })).toBeVisible();
  // In the panel the run's title is an h2, so its sections are h3 and its sessions h4.
  await expect(panel.getByRole("heading", { level: 3, name: "Sessions" })).toBeVisible();
  for (const number of [1, 2, 3])
    await expect(panel.getByRole("heading", { level: 4, name: `Session ${number}` })).toBeVisible();
  // The agent's result is Markdown, shown formatted: its headings sit under the session's.
  await expect(panel.getByRole("heading", { level: 5, name: "Summary" }).first()).toBeVisible();
  await expect(panel.getByRole("button", { name: "Stop" })).toHaveAccessibleDescription(
    "The run is not running.",
  );

  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(page).toHaveURL(/\/\?q=/);
  await card.getByRole("link", { name: title, exact: true }).click();
  await expect(panel).toBeVisible();
  await page.goBack();
  await expect(panel).toHaveCount(0);
  await expect(card).toBeVisible();

  await page.goto(`/runners/${run.runner.id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Sessions" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Session 1" })).toBeVisible();
  await expect(dialog(page)).toHaveCount(0);
});

test("reverts to an earlier session after a confirmation; the later session is greyed as discarded", async ({
  page,
}) => {
  const run = await findRun(page, {
    site: "docs-portal",
    card: noPullRequest,
    detail: (detail) => finishedSessions(detail, 3),
  });
  await page.goto(`/runners/${run.runner.id}`);
  await expect(page.getByRole("button", { name: "Revert to session 1" })).toHaveAccessibleDescription(
    "The first session cannot be reverted to.",
  );
  await page.getByRole("button", { name: "Revert to session 2" }).click();
  const confirm = page.getByRole("dialog", { name: "Revert to session 2?" });
  await expect(confirm).toContainText("The session after it will be discarded");
  await confirm.getByRole("button", { name: "Revert" }).click();
  await expect(page.getByText("Reverted: later sessions are discarded.")).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 3, name: "Session 3 (discarded by a revert)" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Revert to session 3" })).toHaveAccessibleDescription(
    "This session was discarded by a revert.",
  );
});

test("sends a follow-up from the run's page, which starts a new session", async ({ page }) => {
  const run = await findRun(page, {
    site: "aurora-storefront",
    card: noPullRequest,
    detail: (detail) => finishedSessions(detail, 3) && detail.runner.title === "Add a 404 page",
  });
  await page.goto(`/runners/${run.runner.id}`);
  await page.getByRole("button", { name: "Send a follow-up" }).click();
  const followUp = page.getByRole("dialog", { name: "Send a follow-up" });
  await followUp.getByRole("textbox", { name: "Prompt" }).fill("Link the 404 page from the footer");
  await followUp.getByRole("button", { name: "Send follow-up" }).click();
  await expect(page.getByText("Follow-up sent.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Session 4" })).toBeVisible();
  await expect(page.getByText("Link the 404 page from the footer")).toBeVisible();
  await expect(page.getByRole("button", { name: "Stop" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Send a follow-up" })).toBeDisabled();
});

test("opens a pull request from the run's page", async ({ page }) => {
  const run = await findRun(page, {
    site: "field-notes-blog",
    card: noPullRequest,
    detail: (detail) =>
      finishedSessions(detail, 1) &&
      detail.runner.title === "Write unit tests for the cart total calculation",
  });
  await forcePullRequestToOpen(page, run);
  await page.goto(`/runners/${run.runner.id}`);
  await page.getByRole("button", { name: "Open a pull request" }).click();
  await expect(page.getByText("Opening a pull request.")).toBeVisible();
  await expect(
    page
      .getByRole("banner")
      .or(page.getByRole("main"))
      .getByText(/Opening PR…|PR #\d+ open/)
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Open a pull request" })).toHaveAccessibleDescription(
    "The run already has a pull request.",
  );
});

test("answers the agent's question from the run's page", async ({ page }) => {
  const run = await findRun(page, {
    site: "docs-portal",
    card: (card) => card.state === "await_input" && card.interaction?.kind === "questions",
  });
  await page.goto(`/runners/${run.runner.id}`);
  const waiting = page.getByRole("region", { name: "The agent is waiting on you" });
  await expect(waiting).toBeVisible();
  const interaction = run.runner.interaction;
  if (interaction?.kind !== "questions") throw new Error("the run waits on questions");
  for (const question of interaction.questions) {
    const option = question.options[0];
    if (option) await waiting.getByRole("button", { name: option, exact: true }).click();
    else await waiting.getByRole("textbox").first().fill("Keep it short");
  }
  await waiting.getByRole("button", { name: "Send answer" }).click();
  await expect(page.getByText(/^Answer sent to/)).toBeVisible();
  await expect(waiting).toHaveCount(0);
});

test("opens a diff of 3,000 files, jumps to a file deep in the list, and switches to split, remembered", async ({
  page,
}) => {
  const run = await findRun(page, {
    site: "aurora-storefront",
    card: noPullRequest,
    detail: (detail) => finishedSessions(detail, 2),
  });
  const simulator = SimulatorControls.ofRunningDemo(page.request);
  await simulator.setWideDiff(run.runner.id, { files: 3_000, lines_per_file: 6 });
  await page.goto(`/runners/${run.runner.id}`);
  const changes = page.getByRole("region", { name: "Changes" });
  const fileList = changes.getByRole("navigation", { name: "Changed files" });
  // What a screen reader hears once every page is in (not once per page).
  await expect(fileList.getByRole("status")).toHaveText("3,000 files", { timeout: 30_000 });
  const diff = changes.getByRole("region", { name: "Diff" });
  await expect(diff.getByRole("heading", { level: 3, name: "src/area-0/module-0.ts" })).toBeVisible();
  // Only what is in view is in the document.
  expect(await diff.getByRole("heading", { level: 3 }).count()).toBeLessThan(40);

  await changes.getByRole("searchbox", { name: "Filter files" }).fill("module-2988.");
  await expect(fileList.getByRole("status")).toHaveText("1 of 3,000 files");
  await fileList.getByRole("button", { name: /^src\/area-29\/module-2988\.ts/ }).click();
  await expect(diff.getByRole("heading", { level: 3, name: "src/area-29/module-2988.ts" })).toBeInViewport();
  const removed = diff.getByText(/export const limit2988000 = 2988000;/);
  const added = diff.getByText(/export const limit2988000 = 5976000; \/\/ doubled for the new plan/);
  await expect(added).toBeVisible();
  const top = async () => (await removed.boundingBox())?.y ?? 0;
  // Unified: the removed line above the added one; split: side by side on one row.
  expect(await top()).toBeLessThan((await added.boundingBox())?.y ?? 0);
  await changes.getByRole("radio", { name: "Split" }).check();
  await expect
    .poll(async () => Math.abs((await top()) - ((await added.boundingBox())?.y ?? -100)))
    .toBeLessThan(2);
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Changes" }).getByRole("radio", { name: "Split" }),
  ).toBeChecked();
  await page.getByRole("region", { name: "Changes" }).getByRole("radio", { name: "Unified" }).check();

  // A session's own changes: the page takes the person's focus to the diff it picked.
  await page.getByRole("button", { name: "Show the changes of session 1" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Changes" })).toBeFocused();
  await expect(page.getByRole("combobox", { name: "Show" })).toHaveValue(`${run.sessions[0]?.id}:result`);
});

test("on a 375 px phone the run's page fits without sideways scroll and has no serious accessibility violations", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const run = await findRun(page, {
    site: "field-notes-blog",
    card: (card) => card.state === "done" && card.prState === "open",
    detail: (detail) => finishedSessions(detail, 2),
  });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/runners/${run.runner.id}`);
  await expect(page.getByRole("heading", { level: 1, name: run.runner.title ?? "" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Commit to the PR branch" })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 160)).join(" | ")}`,
    );
  expect(serious).toEqual([]);
});
