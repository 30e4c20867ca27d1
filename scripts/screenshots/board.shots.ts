import { expect, test } from "@playwright/test";
import { signInAsDemoUser } from "../../e2e/testing/sign-in";

const shots = [
  { name: "board-desktop-light", width: 1440, height: 900, colorScheme: "light" },
  { name: "board-desktop-dark", width: 1440, height: 900, colorScheme: "dark" },
  { name: "board-phone", width: 375, height: 812, colorScheme: "light" },
] as const;

for (const shot of shots) {
  test(`docs/${shot.name}.png`, async ({ page }) => {
    await page.setViewportSize({ width: shot.width, height: shot.height });
    await page.emulateMedia({ colorScheme: shot.colorScheme, reducedMotion: "reduce" });
    await signInAsDemoUser(page);
    // A phone shows one column: the busy one makes the better picture.
    if (shot.width < 768) await page.getByRole("combobox", { name: "Column" }).selectOption("running");
    const running = page.getByRole("region", { name: /^Running/ });
    await expect(running.getByRole("article").first()).toBeVisible();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `docs/${shot.name}.png` });
  });
}
