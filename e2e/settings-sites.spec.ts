import { expect, test } from "@playwright/test";
import { signInAsDemoUser } from "./testing/sign-in";

// The demo sites are all on the board from the start, and other tests use them: this test adds
// sites of its own to the demo account in the simulator, and connects and disconnects one of those.
const seededSites = 45;

test("searches the Netlify sites, pages through them, connects one and disconnects it after confirming", async ({
  page,
}) => {
  await signInAsDemoUser(page); // the demo user is the first, so the owner (admin)
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();

  const apiUrl = await page
    .getByRole("region", { name: "System" })
    .getByRole("definition")
    .filter({ hasText: /\/api\/v1$/ })
    .textContent();
  const seeded = await page.request.post(`${new URL(apiUrl ?? "").origin}/__sim/seed`, {
    data: { runners: 0, sites: seededSites },
  });
  expect(seeded.status()).toBe(200);

  const sites = page.getByRole("region", { name: "Sites" });
  await expect(sites.getByRole("heading", { level: 2, name: "Sites" })).toBeVisible();
  const search = sites.getByRole("searchbox", { name: "Search sites" });

  await search.fill("aurora");
  await expect(sites.getByRole("row")).toHaveCount(2);
  const aurora = sites.getByRole("row", { name: /aurora-storefront/ });
  await expect(aurora.getByText("On the board", { exact: true })).toBeVisible();
  await expect(aurora.getByRole("button", { name: "Disconnect aurora-storefront" })).toBeVisible();

  await search.fill("bulk-site");
  const pager = sites.getByRole("navigation", { name: "Pages of sites" });
  await expect(pager.getByText(/^Page 1 of \d+$/)).toBeVisible();
  await expect(pager.getByRole("button", { name: "Previous page" })).toBeDisabled();
  await pager.getByRole("button", { name: "Next page" }).click();
  await expect(pager.getByText(/^Page 2 of \d+$/)).toBeVisible();
  await pager.getByRole("button", { name: "Previous page" }).click();
  await expect(pager.getByText(/^Page 1 of \d+$/)).toBeVisible();

  const connectButton = sites.getByRole("button", { name: /^Connect bulk-site-/ }).first();
  const name = ((await connectButton.getAttribute("aria-label")) ?? "").replace(/^Connect /, "");
  expect(name).toMatch(/^bulk-site-/);
  await search.fill(name);
  await expect(sites.getByRole("row", { name: new RegExp(name) }).first()).toBeVisible();
  await sites.getByRole("button", { name: `Connect ${name}`, exact: true }).click();

  const notifications = page.getByRole("region", { name: /Notifications/ });
  await expect(
    notifications.getByRole("listitem").filter({ hasText: `${name} is on the board.` }),
  ).toBeVisible();
  const disconnectButton = sites.getByRole("button", { name: `Disconnect ${name}`, exact: true });
  await expect(disconnectButton).toBeVisible();
  await expect(sites.getByRole("button", { name: `Connect ${name}`, exact: true })).toHaveCount(0);

  await disconnectButton.click();
  const dialog = page.getByRole("dialog", { name: `Disconnect ${name}?` });
  await expect(dialog).toHaveAccessibleDescription(
    /runners go from the board, and every API key for this site is deleted/,
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(disconnectButton).toBeVisible();

  await disconnectButton.click();
  await dialog.getByRole("button", { name: "Disconnect", exact: true }).click();
  await expect(
    notifications
      .getByRole("listitem")
      .filter({ hasText: `${name} is off the board, with its runners and keys.` }),
  ).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(sites.getByRole("button", { name: `Connect ${name}`, exact: true })).toBeVisible();
  await expect(sites.getByRole("button", { name: `Disconnect ${name}`, exact: true })).toHaveCount(0);
});
