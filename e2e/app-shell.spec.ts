import { expect, test } from "@playwright/test";
import { signInAsDemoUser } from "./testing/sign-in";

test.beforeEach(async ({ page }) => {
  await signInAsDemoUser(page);
});

test("the demo board shows the simulator's runners in columns by state and pull request", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/^(\(\d+\) )?Board · Switchyard$/);
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Switchyard" })).toBeVisible();
  await expect(header.getByText("Demo mode")).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Board" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Settings" })).not.toHaveAttribute("aria-current", "page");

  await expect(page.getByRole("heading", { level: 1, name: "Board" })).toBeVisible();
  await expect(page.getByText("Agent runners of 3 connected sites, by state.")).toBeVisible();
  for (const column of [
    "Needs you",
    "New",
    "Running",
    "Needs review",
    "PR open",
    "Merged",
    "Failed",
    "Cancelled",
  ]) {
    await expect(page.getByRole("region", { name: new RegExp(`^${column}`) })).toBeVisible();
  }
  // The demo seeds a run that waits on the demo user's answer: it leads the board.
  await expect(
    page
      .getByRole("region", { name: /^Needs you/ })
      .getByRole("article")
      .first(),
  ).toBeVisible();
  const running = page.getByRole("region", { name: /^Running/ }).getByRole("article");
  await expect(running.first()).toBeVisible();
  const done = page.getByRole("region", { name: /^Needs review/ }).getByRole("article");
  // The launcher's first scheduler run may still be filling the cache; the board follows it live.
  await expect.poll(() => done.count()).toBeGreaterThan(5);
  // Other scenarios put runs of their own there (some without a preview); the seed's have one.
  const preview = done.getByRole("link", { name: "Preview" });
  await expect(preview.first()).toHaveAttribute("href", /^https:\/\/agent-.*\.netlify\.app$/);
});

test("Settings describes the installation", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }),
  ).toHaveAttribute("aria-current", "page");

  const system = page.getByRole("region", { name: "System" });
  await expect(system.getByText("Demo — built-in Netlify simulator")).toBeVisible();
  await expect(system.getByText(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/)).toBeVisible();
  await expect(system.getByText(/^Embedded PGlite · embedded/)).toBeVisible();
  await expect(system.getByText(/^(\d+) of \1 migrations applied$/)).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test(`the theme follows a ${scheme} system preference`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [red = 0, green = 0, blue = 0] = (background.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    const luminance = (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255;
    if (scheme === "dark") expect(luminance).toBeLessThan(0.2);
    else expect(luminance).toBeGreaterThan(0.8);
  });
}
