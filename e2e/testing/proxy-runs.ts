import { type APIRequestContext, expect, type Page } from "@playwright/test";

export interface ProxyRunner {
  id: string;
  title: string;
  state: string;
}

export interface BoardKey {
  id: string;
  secret: string;
}

/** Mints a key for a connected demo site as the signed-in page, to start runs through the proxy. */
export async function mintKeyFor(page: Page, siteName: string, purpose: string): Promise<BoardKey> {
  const origin = new URL(page.url() === "about:blank" ? "http://x" : page.url()).origin;
  const sites = (await (await page.request.get(`/api/sites?search=${siteName}`)).json()) as {
    sites: Array<{ id: string; name: string; connected: boolean }>;
  };
  const site = sites.sites.find((each) => each.name === siteName && each.connected);
  if (!site) throw new Error(`${siteName} is not on the board`);
  const minted = await page.request.post("/api/keys", {
    data: {
      name: `${purpose} ${Date.now().toString(36)}`,
      siteId: site.id,
      scopes: ["agent_runners:read", "agent_runners:write"],
      expires: "7d",
    },
    headers: { origin },
  });
  expect(minted.status(), await minted.text()).toBe(201);
  const answer = (await minted.json()) as { key: string; apiKey: { id: string } };
  return { id: answer.apiKey.id, secret: answer.key };
}

/** Starts a run through the proxy; its title names what it is for, so its card can be found. */
export async function startRunThroughProxy(
  api: APIRequestContext,
  key: BoardKey,
  purpose: string,
): Promise<ProxyRunner> {
  const answer = await api.post("/api/proxy/agent_runners", {
    headers: { Authorization: `Bearer ${key.secret}` },
    data: { prompt: `Check the ${purpose} (${Date.now().toString(36)})` },
  });
  expect(answer.ok(), await answer.text()).toBe(true);
  const runner = (await answer.json()) as { id: string; title: string | null; state: string };
  if (!runner.title) throw new Error("the new runner has no title to find its card by");
  return { ...runner, title: runner.title };
}
