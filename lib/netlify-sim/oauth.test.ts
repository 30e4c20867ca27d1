import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NetlifySimulator, startSimulator } from "./server";

const client = { id: "switchyard-test", secret: "test-secret" };
const redirectUri = "http://localhost:3000/api/auth/callback";

describe("Sign in with Netlify on the simulator", () => {
  let simulator: NetlifySimulator;

  beforeAll(async () => {
    simulator = await startSimulator({ token: "t", speed: 0, oauthClients: [client] });
  });
  afterAll(() => simulator?.stop());

  async function approve(state: string, pkce: Record<string, string> = {}): Promise<URL> {
    const page = await fetch(
      `${simulator.origin}/authorize?${new URLSearchParams({ client_id: client.id, redirect_uri: redirectUri, response_type: "code", state, ...pkce })}`,
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    const userId = /name="user_id" value="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain("Authorize as Dana Demo");
    const approval = await fetch(`${simulator.origin}/authorize`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: client.id,
        redirect_uri: redirectUri,
        state,
        user_id: userId ?? "",
        code_challenge: /name="code_challenge" value="([^"]*)"/.exec(html)?.[1] ?? "",
      }),
    });
    expect(approval.status).toBe(302);
    return new URL(approval.headers.get("location") ?? "");
  }

  function exchange(code: string, secret = client.secret, extra: Record<string, string> = {}) {
    return fetch(`${simulator.origin}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        client_id: client.id,
        client_secret: secret,
        redirect_uri: redirectUri,
        ...extra,
      }),
    });
  }

  it("approves with one click and issues a token that acts as the approving user", async () => {
    const callback = await approve("xyz");
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get("state")).toBe("xyz");
    const response = await exchange(callback.searchParams.get("code") ?? "");
    expect(response.status).toBe(200);
    const token = (await response.json()) as { access_token: string; token_type: string };
    expect(token.token_type).toBe("Bearer");
    const user = await fetch(`${simulator.apiUrl}/user`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(((await user.json()) as { full_name: string }).full_name).toBe("Dana Demo");
  });

  it("accepts a code once only", async () => {
    const code = (await approve("once")).searchParams.get("code") ?? "";
    expect((await exchange(code)).status).toBe(200);
    const replay = await exchange(code);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toEqual({ error: "invalid_grant" });
  });

  it("refuses a wrong client secret and an unknown client", async () => {
    const code = (await approve("secret")).searchParams.get("code") ?? "";
    expect((await exchange(code, "wrong")).status).toBe(401);
    const unknown = await fetch(
      `${simulator.origin}/authorize?${new URLSearchParams({ client_id: "nope", redirect_uri: redirectUri, response_type: "code" })}`,
    );
    expect(unknown.status).toBe(400);
  });

  it("binds a code issued with a PKCE challenge (S256) to its verifier", async () => {
    const verifier = "a-long-random-code-verifier-0123456789-abcdefghijklmnop";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const pkce = { code_challenge: challenge, code_challenge_method: "S256" };
    const wrongVerifiers: Array<Record<string, string>> = [{}, { code_verifier: "not-the-verifier" }];
    for (const wrong of wrongVerifiers) {
      const code = (await approve("pkce", pkce)).searchParams.get("code") ?? "";
      const refused = await exchange(code, client.secret, wrong);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ error: "invalid_grant" });
    }
    const code = (await approve("pkce", pkce)).searchParams.get("code") ?? "";
    expect((await exchange(code, client.secret, { code_verifier: verifier })).status).toBe(200);
    const plain = await fetch(
      `${simulator.origin}/authorize?${new URLSearchParams({ client_id: client.id, redirect_uri: redirectUri, response_type: "code", code_challenge: verifier, code_challenge_method: "plain" })}`,
    );
    expect(plain.status).toBe(400);
  });

  it("takes the client's credentials from HTTP Basic as well as from the form", async () => {
    const code = (await approve("basic")).searchParams.get("code") ?? "";
    const response = await fetch(`${simulator.origin}/oauth/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString("base64")}`,
      },
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri }),
    });
    expect(response.status).toBe(200);
  });
});
