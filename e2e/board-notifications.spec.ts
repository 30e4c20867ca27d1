import { expect, test } from "@playwright/test";
import { signInAsDemoUser } from "./testing/sign-in";
import { SimulatorControls } from "./testing/simulator-controls";

/*
 * Being told about one's own runs, on any page of the app: the tab's title counts the runs
 * waiting on the person, and once they turn notifications on (the one place they are asked for),
 * the browser's notification says when a run they started fails, even from a background tab.
 * Notifications are recorded as the page creates them.
 */

test("counts waiting runs in the tab's title, and notifies the person when their run fails, on any page", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["notifications"]);
  await context.addInitScript(() => {
    const Real = window.Notification;
    const shown: Array<{ title: string; body: string | undefined; tag: string | undefined }> = [];
    Object.assign(window, { shownNotifications: shown });
    window.Notification = class extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body, tag: options?.tag });
      }
    } as typeof Notification;
  });
  await signInAsDemoUser(page);
  const sites = (await (await page.request.get("/api/board")).json()) as {
    sites: Array<{ id: string; name: string }>;
  };
  const siteId = sites.sites.find((site) => site.name === "docs-portal")?.id;
  const started = await page.request.post("/api/runners", {
    data: { siteId, prompt: `Notify me when this fails (${Date.now().toString(36)})` },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(started.status(), await started.text()).toBe(201);
  const { id } = (await started.json()) as { id: string };
  // The board's search also matches a run's id.
  await page.goto(`/?q=${id}`);
  await expect(page.getByRole("main").getByRole("article")).toHaveCount(1);

  // The run starts waiting on an answer (other scenarios answer the seed's): the title counts it.
  const simulator = SimulatorControls.ofRunningDemo(page.request);
  await simulator.setRunnerState(id, "await_input");
  try {
    await expect(page.getByRole("region", { name: /^Needs you/ }).getByRole("article")).toHaveCount(1);
    await expect(page).toHaveTitle(/^\(\d+\) Board · Switchyard$/);

    const toggle = page.getByRole("button", { name: "Notify me about my runs" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(page.getByRole("button", { name: "Notifications on" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    // Every page counts and notifies, not only the board; so does a tab in the background.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(page).toHaveTitle(/^\(\d+\) Settings · Switchyard$/);
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await simulator.setRunnerState(id, "error");
    await expect
      .poll(
        () =>
          page.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications),
        {
          timeout: 15_000,
        },
      )
      // Tagged by the run, so runs with the same title do not replace each other's notifications.
      .toContainEqual(expect.objectContaining({ body: "Your run failed.", tag: id }));
  } finally {
    await simulator.setRunnerState(id, null);
  }
  // Turned off again, and remembered off.
  await page.goto("/");
  await page.getByRole("button", { name: "Notifications on" }).click();
  await page.reload();
  await expect(page.getByRole("button", { name: "Notify me about my runs" })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
});
