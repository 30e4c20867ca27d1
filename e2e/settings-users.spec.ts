import { expect, test } from "@playwright/test";
import { signInAsDemoUser } from "./testing/sign-in";

// Marco Rossi rather than Priya Patel: the e2e run shares one database, and sign-in.spec.ts
// needs Priya still waiting for approval whichever test runs first.
test("an admin approves a waiting person as a viewer, who then sees the board but not Users", async ({
  page,
  browser,
}) => {
  await signInAsDemoUser(page); // the demo user is the first, so the owner
  const other = await browser.newContext();
  const marco = await other.newPage();
  await marco.goto("/sign-in");
  await marco.getByRole("button", { name: "Sign in with Netlify" }).click();
  await marco.getByRole("button", { name: "Authorize as Marco Rossi" }).click();
  await expect(marco.getByRole("heading", { level: 1, name: "Waiting for approval" })).toBeVisible();

  await page.goto("/settings");
  const users = page.getByRole("region", { name: "Users" });
  await expect(users.getByRole("heading", { level: 2, name: "Users" })).toBeVisible();
  const row = users.getByRole("row", { name: /Marco Rossi/ });
  await expect(row.getByText("Waiting for approval")).toBeVisible();
  await users.getByRole("button", { name: "Approve Marco Rossi" }).click();
  await expect(page.getByText("Marco Rossi can now sign in, as a member.")).toBeVisible();
  await expect(row.getByText("Active")).toBeVisible();
  await expect(users.getByRole("button", { name: "Approve Marco Rossi" })).toHaveCount(0);

  await users.getByRole("combobox", { name: "Role of Marco Rossi" }).selectOption("viewer");
  await expect(page.getByText("Marco Rossi is now a viewer.")).toBeVisible();
  await page.reload();
  await expect(users.getByRole("combobox", { name: "Role of Marco Rossi" })).toHaveValue("viewer");

  await marco.goto("/");
  await expect(marco.getByRole("heading", { level: 1, name: "Board" })).toBeVisible();
  // The board is read-only for a viewer: no drag handles, no Move to…, New run disabled; the API agrees.
  const running = marco
    .getByRole("region", { name: /^Running/ })
    .getByRole("article")
    .first();
  await expect(running).toBeVisible();
  await expect(running.getByRole("button", { name: /^Drag / })).toHaveCount(0);
  await expect(running.getByRole("button", { name: /^Move .* to…$/ })).toHaveCount(0);
  await expect(marco.getByRole("button", { name: "New run" })).toBeDisabled();
  const runnerId = (
    (await (await marco.request.get("/api/board")).json()) as { cards: Array<{ id: string }> }
  ).cards[0]?.id;
  const stop = await marco.request.post(`/api/runners/${runnerId}/actions`, {
    data: { action: "stop" },
    headers: { origin: new URL(marco.url()).origin },
  });
  expect(stop.status()).toBe(403);
  expect((await stop.json()).code).toBe("FORBIDDEN");
  // The run's page shows every action, each disabled with the reason.
  await marco.goto(`/runners/${runnerId}`);
  await expect(marco.getByRole("heading", { level: 1 })).toBeVisible();
  for (const name of [
    "Rename",
    "Send a follow-up",
    "Stop",
    "Open a pull request",
    "Commit to the PR branch",
    "Rebase",
    "Archive",
  ]) {
    const action = marco.getByRole("button", { name, exact: true });
    await expect(action).toBeDisabled();
    await expect(action).toHaveAccessibleDescription("Your role can look at runs but not change them.");
  }
  await marco.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(marco.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(marco.getByRole("region", { name: "System" })).toBeVisible();
  await expect(marco.getByRole("region", { name: "Users" })).toHaveCount(0);
  const refused = await marco.request.get("/api/users");
  expect(refused.status()).toBe(403);
  expect((await refused.json()).code).toBe("FORBIDDEN");
  // A viewer sees the keys they may see, and no way to mint, roll or revoke; the API agrees.
  const keys = marco.getByRole("region", { name: "API keys" });
  await expect(keys).toBeVisible();
  await expect(keys.getByRole("button", { name: "Create key" })).toHaveCount(0);
  await expect(keys.getByRole("button", { name: /^(Revoke|Roll) / })).toHaveCount(0);
  const mint = await marco.request.post("/api/keys", {
    data: { name: "viewer key", siteId: "any", scopes: ["agent_runners:read"], expires: "7d" },
    headers: { origin: new URL(marco.url()).origin },
  });
  expect(mint.status()).toBe(403);
  expect((await mint.json()).code).toBe("FORBIDDEN");

  await users.getByRole("button", { name: "Remove Marco Rossi" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Marco Rossi?" });
  await expect(dialog.getByText(/signed out everywhere at once and can no longer sign in/)).toBeVisible();
  await dialog.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByText("Marco Rossi was removed and signed out everywhere.")).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByText("Removed")).toBeVisible();
  await marco.goto("/");
  await expect(marco).toHaveURL(/\/sign-in$/);
  await other.close();
});

// Only the demo user is ever an admin in the e2e run, so they are the last one.
test("the last admin cannot remove themselves; the dialog says why and can be cancelled", async ({
  page,
}) => {
  await signInAsDemoUser(page);
  await page.goto("/settings");
  const users = page.getByRole("region", { name: "Users" });
  await users.getByRole("button", { name: "Remove Dana Demo" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Dana Demo?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);

  await users.getByRole("button", { name: "Remove Dana Demo" }).click();
  await dialog.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(
    page.getByText("Switchyard needs at least one admin: make someone else an admin first."),
  ).toBeVisible();
  await expect(users.getByRole("row", { name: /Dana Demo/ }).getByText("Active")).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Board" })).toBeVisible();
});

test("the users API answers bad input, unknown people and the last-admin rule with the contract's errors", async ({
  page,
  baseURL,
}) => {
  await signInAsDemoUser(page);
  const listed = await page.request.get("/api/users");
  expect(listed.status()).toBe(200);
  const { users } = (await listed.json()) as { users: Array<Record<string, unknown>> };
  const owner = users.find((user) => user.fullName === "Dana Demo");
  expect(Object.keys(owner ?? {}).sort()).toEqual(
    ["avatarUrl", "createdAt", "email", "fullName", "id", "lastSeenAt", "role", "status"].sort(),
  );
  const headers = { origin: baseURL ?? "" };
  const patch = (userId: string, data: unknown) =>
    page.request.patch(`/api/users/${userId}`, { headers, data });
  const ownerPath = String(owner?.id);

  expect((await patch(ownerPath, {})).status()).toBe(400);
  expect((await patch(ownerPath, { role: "owner" })).status()).toBe(422);
  const unknown = await patch("6f1c1f5e-8f0a-4a3e-9d7b-2b6b4c1d2e3f", { role: "viewer" });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: "No such user.", code: "NOT_FOUND" });
  const demote = await patch(ownerPath, { role: "member" });
  expect(demote.status()).toBe(409);
  expect((await demote.json()).code).toBe("CONFLICT");
  expect((await page.request.delete(`/api/users/${ownerPath}`, { headers })).status()).toBe(409);
  const forged = await page.request.delete(`/api/users/${ownerPath}`, {
    headers: { origin: "https://evil.example" },
  });
  expect((await forged.json()).code).toBe("CSRF_FAILED");
  const post = await page.request.post("/api/users", { headers, data: {} });
  expect(post.status()).toBe(405);
  expect(post.headers().allow).toBe("GET, HEAD, OPTIONS");
});
