import { expect, type Page, test } from "@playwright/test";
import { signInAsDemoUser } from "./testing/sign-in";

test("serves the proxy's OpenAPI document to anyone, without a key", async ({ request }) => {
  const answer = await request.get("/api/proxy/openapi.json");
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toMatch(/^application\/json/);
  const document = await answer.json();
  expect(document.openapi).toMatch(/^3\.1\./);
  expect(document.servers).toEqual([
    expect.objectContaining({ url: new URL("/api/proxy", answer.url()).href }),
  ]);
  expect(document.paths).toHaveProperty(["/agent_runners/{runner_id}/diff", "get", "x-required-scope"]);
  expect(document.paths).not.toHaveProperty(["/sites"]);
});

/** Whether the page itself scrolls sideways (a table or list scrolling in its own box is fine). */
const pageScrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("a read-only key lists the endpoints it can call, and none that change anything", async ({ page }) => {
    // Keys of parallel tests share the database: this one finds its own by a name no other uses.
    const name = `Read-only ${Date.now().toString(36)}`;
    await signInAsDemoUser(page);
    await page.goto("/settings");
    const keys = page.getByRole("region", { name: "API keys" });
    await keys.getByRole("button", { name: "Create key" }).click();

    const dialog = page.getByRole("dialog", { name: "Create an API key" });
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await expect(dialog.getByRole("checkbox", { name: "agent_runners:read", exact: true })).toBeChecked();
    await expect(
      dialog.getByRole("checkbox", { name: "agent_runners:write", exact: true }),
    ).not.toBeChecked();
    await expect(
      dialog.getByRole("checkbox", { name: "agent_runners:deploy", exact: true }),
    ).not.toBeChecked();
    const scopeEndpoints = dialog.getByRole("button", { name: /^\d+ endpoints of agent_runners:read$/ });
    await expect(scopeEndpoints).toHaveAttribute("aria-expanded", "false");
    await scopeEndpoints.click();
    await expect(scopeEndpoints).toHaveAttribute("aria-expanded", "true");
    await expect(dialog.getByRole("list", { name: "Endpoints of agent_runners:read" })).toContainText(
      "GET /agent_runners/{runner_id}/diff — Get the runner's cumulative diff",
    );
    expect(await pageScrollsSideways(page)).toBe(false);
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    await page
      .getByRole("dialog", { name: "Your new API key" })
      .getByRole("button", { name: "Done" })
      .click();

    const row = keys.getByRole("row", { name: new RegExp(name) });
    const canCall = row.getByRole("button", { name: "What this key can call" });
    await expect(row.getByRole("list", { name: "What this key can call" })).toBeHidden();
    await canCall.click();
    await expect(canCall).toHaveAttribute("aria-expanded", "true");
    const calls = row.getByRole("list", { name: "What this key can call" });
    await expect(calls).toContainText("GET /agent_runners/{runner_id}/diff");
    // Method and path sit together in one code element, as a script would write them.
    await expect(
      calls.getByRole("code").filter({ hasText: /^GET \/agent_runners\/\{runner_id\}\/diff$/ }),
    ).toHaveCount(1);
    await expect(calls).not.toContainText("POST /agent_runners/{runner_id}/pull_request");
    await expect(calls).not.toContainText(/\b(POST|PATCH|DELETE) \//);
    expect(await pageScrollsSideways(page)).toBe(false);
  });
});
