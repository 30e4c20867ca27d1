import { expect, test } from "@playwright/test";
import { signInAsDemoUser } from "./testing/sign-in";

test("a visitor who is not signed in is sent to the sign-in page", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Switchyard" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with Netlify" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue as the demo user" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
});

test("signs in through the simulated Netlify OAuth page, and signs out", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Netlify" }).click();
  await expect(page.getByRole("heading", { name: "Authorize switchyard-demo" })).toBeVisible();
  await page.getByRole("button", { name: "Authorize as Dana Demo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Board" })).toBeVisible();
  await expect(page.getByRole("banner").getByText("Dana Demo")).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === "switchyard_session")).toMatchObject({
    httpOnly: true,
    sameSite: "Lax",
  });
  expect(cookies.some((cookie) => cookie.name.startsWith("switchyard_oauth"))).toBe(false);

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a callback with a state this browser did not start is refused in words", async ({ page }) => {
  await page.goto("/api/auth/netlify/callback?code=forged&state=forged");
  await expect(page).toHaveURL(/\/sign-in\?error=state$/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That sign-in link expired or was already used. Start again.",
  );
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Switchyard" })).toBeVisible();
});

test("a personal access token that Netlify refuses gets a readable message and no session", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await page.getByLabel("Netlify personal access token").fill("nfp_not_a_real_token");
  await page.getByRole("button", { name: "Sign in with token" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Netlify did not accept that token/);
  expect((await page.context().cookies()).some((cookie) => cookie.name === "switchyard_session")).toBe(false);
});

test("a second person who signs in waits for an admin's approval", async ({ page, browser }) => {
  await signInAsDemoUser(page); // the demo user is the first, so the owner
  const other = await browser.newContext();
  const colleague = await other.newPage();
  await colleague.goto("/sign-in");
  await colleague.getByRole("button", { name: "Sign in with Netlify" }).click();
  await colleague.getByRole("button", { name: "Authorize as Priya Patel" }).click();
  await expect(colleague.getByRole("heading", { level: 1, name: "Waiting for approval" })).toBeVisible();
  await colleague.goto("/");
  await expect(colleague).toHaveURL(/\/sign-in$/);
  expect((await colleague.request.get("/api/session")).status()).toBe(403);
  await other.close();
});

test("the session API refuses strangers, and sign-in refuses requests from another origin", async ({
  request,
}) => {
  const anonymous = await request.get("/api/session");
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ error: "Sign in to continue.", code: "SESSION_REQUIRED" });
  const forged = await request.post("/api/auth/demo", { headers: { origin: "https://evil.example" } });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).code).toBe("CSRF_FAILED");
  expect(forged.headers()["set-cookie"]).toBeUndefined();
});

test("sign out everywhere ends the sessions of every browser of that person", async ({ page, browser }) => {
  // A person of their own, so no other test's session of the demo user is ended.
  await signInAsDemoUser(page);
  await page.goto("/settings");
  const apiUrl = (await page.getByRole("region", { name: "System" }).textContent())?.match(
    /http:\/\/127\.0\.0\.1:\d+/,
  )?.[0];
  const token = `everywhere-${Date.now()}`;
  const created = await page.request.post(`${apiUrl}/__sim/accounts`, {
    data: { token, account_name: "Everywhere Team", user_name: "Eve Everywhere" },
  });
  expect(created.ok()).toBe(true);

  const browsers = [await browser.newContext(), await browser.newContext()];
  const [laptop, phone] = await Promise.all(browsers.map((context) => context.newPage()));
  if (!laptop || !phone) throw new Error("two pages");
  for (const device of [laptop, phone]) {
    await device.goto("/sign-in");
    await device.getByLabel("Netlify personal access token").fill(token);
    await device.getByRole("button", { name: "Sign in with token" }).click();
    await expect(device.getByRole("heading", { level: 1, name: "Waiting for approval" })).toBeVisible();
  }
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.getByRole("heading", { level: 1, name: "Sign in to Switchyard" })).toBeVisible();
  await phone.reload();
  await expect(phone.getByRole("heading", { level: 1, name: "Sign in to Switchyard" })).toBeVisible();
  await Promise.all(browsers.map((context) => context.close()));
});
