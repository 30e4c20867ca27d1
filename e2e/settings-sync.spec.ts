import { expect, test } from "@playwright/test";
import { signInAsDemoUser } from "./testing/sign-in";

// The demo's own sync may be running a site at the moment "Sync now" is pressed: then the toast
// says so instead of reporting the pass, and both are right.
const syncedOrBusy = /^(Synced aurora-storefront|aurora-storefront is being synced right now)/;

test("shows each site's sync status, and an admin syncs a site now, at most once per 30 seconds", async ({
  page,
}) => {
  await signInAsDemoUser(page); // the demo user is the first, so the owner (admin)
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();

  const sync = page.getByRole("region", { name: "Sync" });
  await expect(sync.getByRole("heading", { level: 2, name: "Sync" })).toBeVisible();
  const table = sync.getByRole("table", { name: "Sync status of the connected sites" });
  for (const column of ["Site", "Last full sync", "Next run", "Status"])
    await expect(table.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
  const aurora = table.getByRole("row", { name: /aurora-storefront/ });
  await expect(aurora.getByRole("rowheader", { name: "aurora-storefront" })).toBeVisible();

  const notifications = page.getByRole("region", { name: /Notifications/ });
  const syncNow = aurora.getByRole("button", { name: "Sync aurora-storefront now", exact: true });
  await syncNow.click();
  const outcome = notifications.getByRole("listitem").filter({ hasText: syncedOrBusy });
  await expect(outcome).toBeVisible();
  await expect(syncNow).toBeEnabled();
  if ((await outcome.textContent())?.startsWith("Synced")) {
    // The pass just ended: the last full sync is moments ago, with the exact time on hover.
    const lastSync = aurora.getByRole("cell").first();
    await expect(lastSync).toHaveText(/now|seconds? ago/);
    await expect(lastSync.getByRole("time")).toHaveAttribute("title", /\d/);
    await expect(aurora.getByRole("cell").nth(2)).toHaveText(/Up to date|Part way through/);
  }

  await syncNow.click();
  await expect(
    notifications
      .getByRole("listitem")
      .filter({ hasText: /synced on request moments ago; try again in \d+ s/ }),
  ).toBeVisible();
});
