import { expect, type Page } from "@playwright/test";

/** Signs in as demo mode's demo user, as a person would: one click on the sign-in page. */
export async function signInAsDemoUser(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue as the demo user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Board" })).toBeVisible();
}
