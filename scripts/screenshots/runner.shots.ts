import { expect, test } from "@playwright/test";
import { findRun, finishedSessions } from "../../e2e/testing/runs";
import { signInAsDemoUser } from "../../e2e/testing/sign-in";
import { SimulatorControls } from "../../e2e/testing/simulator-controls";

/* The run's page for the README: its header, actions and sessions, and the diff viewer. */

test("docs/runner-detail.png and docs/runner-diff.png", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
  await signInAsDemoUser(page);
  const run = await findRun(page, {
    site: "aurora-storefront",
    card: (card) => card.state === "done" && !card.prUrl,
    detail: (detail) => finishedSessions(detail, 3),
  });
  await SimulatorControls.ofRunningDemo(page.request).setWideDiff(run.runner.id, {
    files: 1_200,
    lines_per_file: 8,
  });
  await page.goto(`/runners/${run.runner.id}`);
  await expect(page.getByRole("heading", { level: 3, name: "Session 3" })).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: "docs/runner-detail.png" });

  const changes = page.getByRole("region", { name: "Changes" });
  await expect(changes.getByText("1,200 files", { exact: true })).toBeVisible({ timeout: 30_000 });
  await changes.getByRole("radio", { name: "Split" }).check();
  await changes.getByRole("searchbox", { name: "Filter files" }).fill("area-4/");
  await changes
    .getByRole("navigation", { name: "Changed files" })
    .getByRole("button", { name: /^src\/area-4\/module-420\.ts/ })
    .click();
  await changes.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await changes.screenshot({ path: "docs/runner-diff.png" });
  await changes.getByRole("radio", { name: "Unified" }).check();
});
