import { expect, test } from "@playwright/test";
import { signInAsDemoUser } from "./testing/sign-in";

/* Starting a run from the board and finding it again with the filters, as a person would. */

test("starts a run from the New run dialog (opened with n) and finds it with the search and site filters", async ({
  page,
}) => {
  await signInAsDemoUser(page);
  const token = Date.now().toString(36);
  await page.locator("body").press("n");
  const dialog = page.getByRole("dialog", { name: "Start a run" });
  await expect(dialog).toBeVisible();
  const run = dialog.getByRole("button", { name: "Run", exact: true });
  await expect(run).toBeDisabled();
  await dialog.getByRole("combobox", { name: "Site" }).selectOption({ label: "docs-portal" });
  await dialog.getByRole("textbox", { name: "Prompt" }).fill(`Write a changelog entry (${token})`);
  await expect(run).toBeEnabled();
  await run.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Run started on docs-portal")).toBeVisible();

  await page.getByRole("searchbox", { name: "Search" }).fill(token);
  await expect(page).toHaveURL(new RegExp(`q=${token}`));
  const cards = page.getByRole("main").getByRole("article");
  await expect(cards).toHaveCount(1, { timeout: 10_000 });
  await expect(cards.first()).toContainText(token);
  await expect(cards.first()).toContainText("by Dana Demo");

  const site = page.getByRole("search", { name: "Filter runs" }).getByRole("combobox", { name: "Site" });
  await site.selectOption({ label: "field-notes-blog" });
  await expect(cards).toHaveCount(0);
  await site.selectOption({ label: "docs-portal" });
  await expect(cards).toHaveCount(1);
  // The view is in the URL: a reload (or a shared link) shows the same.
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(token);
  await expect(cards).toHaveCount(1);
});
