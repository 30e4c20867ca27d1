import { expect, test } from "@playwright/test";
import { signInAsDemoUser } from "./testing/sign-in";

test("mints a key, copies it, sees it listed, and revokes it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAsDemoUser(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const keys = page.getByRole("region", { name: "API keys" });
  await keys.getByRole("button", { name: "Create key" }).click();

  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByLabel("Name", { exact: true }).fill("CI deploys");
  await dialog.getByLabel("Site", { exact: true }).selectOption({ label: "aurora-storefront" });
  await dialog.getByRole("checkbox", { name: "agent_runners:write", exact: true }).check();
  await expect(
    dialog.getByRole("checkbox", { name: "agent_runners:write", exact: true }),
  ).toHaveAccessibleDescription(/^Medium risk/);
  await expect(dialog.getByRole("region", { name: "This key will be able to" })).toContainText("Start runs");
  await dialog.getByLabel("Expires", { exact: true }).selectOption({ label: "In 7 days" });
  await dialog.getByRole("button", { name: "Create", exact: true }).click();

  const reveal = page.getByRole("dialog", { name: "Your new API key" });
  const secret = await reveal.getByLabel("New API key", { exact: true }).inputValue();
  expect(secret).toMatch(/^oc_[0-9A-Za-z]{42}$/);
  await expect(
    reveal.getByText(`${page.url().replace(/\/settings$/, "")}/api/proxy/agent_runners`).first(),
  ).toBeVisible();
  await reveal.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Key copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await reveal.getByRole("button", { name: "Done" }).click();

  const row = keys.getByRole("row", { name: /CI deploys/ });
  await expect(row).toContainText(secret.slice(0, 9));
  await expect(row).toContainText("agent_runners:read agent_runners:write");
  await expect(row).toContainText("Active");
  await expect(keys).not.toContainText(secret);

  await row.getByRole("button", { name: "Revoke CI deploys" }).click();
  await page
    .getByRole("dialog", { name: "Revoke CI deploys?" })
    .getByRole("button", { name: "Revoke key" })
    .click();
  await expect(page.getByText('Key "CI deploys" revoked.')).toBeVisible();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke CI deploys" })).toHaveCount(0);
});

test("rolls a key: a new secret, shown once, and the old one in its grace period", async ({ page }) => {
  await signInAsDemoUser(page);
  await page.goto("/settings");
  const keys = page.getByRole("region", { name: "API keys" });
  await keys.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create an API key" });
  await dialog.getByLabel("Name", { exact: true }).fill("Nightly report");
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  const first = await page.getByLabel("New API key", { exact: true }).inputValue();
  await page.getByRole("button", { name: "Done" }).click();

  await keys
    .getByRole("row", { name: /Nightly report/ })
    .first()
    .getByRole("button", { name: "Roll Nightly report" })
    .click();
  const roll = page.getByRole("dialog", { name: "Roll Nightly report?" });
  await roll.getByLabel("Old secret keeps working for (hours)").fill("2");
  await roll.getByRole("button", { name: "Roll key" }).click();
  const second = await page
    .getByRole("dialog", { name: "New secret for Nightly report" })
    .getByLabel("New API key", { exact: true })
    .inputValue();
  expect(second).toMatch(/^oc_/);
  expect(second).not.toBe(first);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(
    keys.getByRole("row", { name: /Nightly report/ }).filter({ hasText: "Rolled (grace period)" }),
  ).toHaveCount(1);
  await expect(keys.getByRole("row", { name: /Nightly report/ }).filter({ hasText: "Active" })).toHaveCount(
    1,
  );
});

test("the keys API refuses bad input with the JSON error shape and writes nothing", async ({ page }) => {
  await signInAsDemoUser(page);
  // Other tests mint keys in parallel as the same admin: count only the names these attempts use.
  const refusedNames = async () =>
    ((await (await page.request.get("/api/keys")).json()) as { keys: Array<{ name: string }> }).keys.filter(
      (key) => /^x+$/.test(key.name),
    ).length;
  expect(await refusedNames()).toBe(0);
  const origin = new URL(page.url()).origin;
  const attempts: Array<[unknown, number, string]> = [
    [{ name: "x", siteId: "s", scopes: ["agent_runners:admin"], expires: "7d" }, 422, "VALIDATION_FAILED"],
    [
      { name: "x", siteId: "s", scopes: ["agent_runners:read", "agent_runners:read"], expires: "7d" },
      422,
      "VALIDATION_FAILED",
    ],
    [
      { name: "x".repeat(10_240), siteId: "s", scopes: ["agent_runners:read"], expires: "7d" },
      422,
      "VALIDATION_FAILED",
    ],
    [
      { name: "x", siteId: "s", scopes: ["agent_runners:read"], expires: "2001-01-01T00:00:00Z" },
      422,
      "VALIDATION_FAILED",
    ],
    [
      { name: "x", siteId: "not-a-site-of-yours", scopes: ["agent_runners:read"], expires: "7d" },
      404,
      "NOT_FOUND",
    ],
    [{ name: "x", scopes: ["agent_runners:read"] }, 400, "BAD_REQUEST"],
  ];
  for (const [body, status, code] of attempts) {
    const answer = await page.request.post("/api/keys", { data: body, headers: { origin } });
    expect(answer.status(), JSON.stringify(body).slice(0, 80)).toBe(status);
    expect((await answer.json()).code).toBe(code);
  }
  const forged = await page.request.post("/api/keys", {
    data: { name: "x", siteId: "s", scopes: ["agent_runners:read"], expires: "7d" },
    headers: { origin: "https://evil.example" },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).code).toBe("CSRF_FAILED");
  const unknownKey = await page.request.delete("/api/keys/00000000-0000-4000-8000-000000000000", {
    headers: { origin },
  });
  expect(unknownKey.status()).toBe(404);
  expect(await refusedNames()).toBe(0);
});
