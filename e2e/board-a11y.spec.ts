import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signInAsDemoUser } from "./testing/sign-in";

/*
 * The board as people with other setups see it: WCAG A/AA (contrast included) in both themes,
 * checked by axe on the live page, and a phone's width with one column at a time and no
 * sideways scrolling of the page.
 */

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 160)).join(" | ")}`,
    );
}

for (const scheme of ["light", "dark"] as const) {
  test(`the board has no serious accessibility violations in the ${scheme} theme`, async ({ page }) => {
    // axe reads every node's colours: on a full board on two shared cores that takes a while.
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await signInAsDemoUser(page);
    await expect(
      page
        .getByRole("region", { name: /^Running/ })
        .getByRole("article")
        .first(),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    // The board scrolls sideways inside itself; the page never does.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test("on a 375 px phone the board shows one column at a time, switched by name, with filters folded away and no sideways scroll", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signInAsDemoUser(page);
  const needsYou = page.getByRole("region", { name: /^Needs you/ });
  await expect(needsYou).toBeVisible();
  await expect(page.getByRole("region", { name: /^Running/ })).toBeHidden();
  await page.getByRole("combobox", { name: "Column" }).selectOption("running");
  await expect(page.getByRole("region", { name: /^Running/ })).toBeVisible();
  await expect(needsYou).toBeHidden();
  await expect(page).toHaveURL(/show=running/);
  // The filters fold away behind a button, so the cards keep the small screen.
  const search = page.getByRole("searchbox", { name: "Search" });
  await expect(search).toBeHidden();
  const filters = page.getByRole("button", { name: "Filters", exact: true });
  await expect(filters).toHaveAttribute("aria-expanded", "false");
  await filters.click();
  await expect(search).toBeVisible();
  await search.fill("zzz-no-such-run");
  await expect(page.getByRole("button", { name: "Filters (1)" })).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("region", { name: /^Running/ }).getByRole("article")).toHaveCount(0);
  await search.fill("");
  await page.getByRole("button", { name: "Filters", exact: true }).click();
  await expect(search).toBeHidden();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("banner").getByText("Demo mode")).toBeInViewport();
  expect(await seriousViolations(page)).toEqual([]);
});
