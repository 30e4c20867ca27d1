import { expect, type Page } from "@playwright/test";

/** Opens the board and counts its runner cards by accessible name, from the page's accessibility tree. */
export async function boardCardCounts(page: Page): Promise<Map<string, number>> {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Board" })).toBeVisible();
  const tree = await page.getByRole("main").ariaSnapshot();
  const counts = new Map<string, number>();
  for (const [, quoted] of tree.matchAll(/^\s*- article ("(?:[^"\\]|\\.)*")/gm)) {
    const name = JSON.parse(quoted ?? '""') as string;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
