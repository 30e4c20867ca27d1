import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/db/migrate";
import { netlifyConnections, userSessions, users } from "@/db/schema";
import { storageBackends, type TestDatabase } from "@/db/testing/backends";
import { createTokenCipher } from "@/lib/crypto/token-cipher";
import { type Env, parseEnv } from "@/lib/env-schema";
import { type NetlifySimulator, startSimulator } from "@/lib/netlify-sim/server";
import { beginOAuth, completeOAuth, netlifyOAuthSettings } from "./netlify-oauth";
import { isSameOriginRequest } from "./same-origin";
import { createSession, revokeSession, revokeUserSessions, validateSession } from "./session-store";
import { SignInError, signInWithNetlifyToken } from "./sign-in";

const authSecret = "an-auth-secret-for-the-sign-in-tests-0123456789";

/** Approves an authorization request on the simulator's one-click page as `userName`; returns the callback URL. */
async function approveOnSimulator(sim: NetlifySimulator, authorizeUrl: URL, userName: string): Promise<URL> {
  const page = await (await fetch(authorizeUrl)).text();
  const userId = new RegExp(`name="user_id" value="([^"]+)">Authorize as ${userName}<`).exec(page)?.[1] ?? "";
  const hidden = Object.fromEntries(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [
      match[1],
      match[2],
    ]),
  );
  const approval = await fetch(`${sim.origin}/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...hidden, user_id: userId }),
  });
  return new URL(approval.headers.get("location") ?? "");
}

for (const backend of storageBackends().slice(0, 2)) {
  describe(`sign-in and sessions on ${backend.name}`, () => {
    let database: TestDatabase;
    let simulator: NetlifySimulator;
    let env: Env;
    const db = () => database.handle.db;
    const userCount = async () => (await db().select({ n: count() }).from(users))[0]?.n;

    beforeAll(async () => {
      database = await backend.create();
      await migrate(db());
      simulator = await startSimulator({ token: "dana-token", speed: 0, team: false });
      await fetch(`${simulator.origin}/__sim/accounts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token: "olive-token", account_name: "Allowed Team" }),
      });
      env = {
        ...parseEnv({
          NETLIFY_API_URL: simulator.apiUrl,
          APP_URL: "http://localhost:3000",
          AUTH_SECRET: authSecret,
        }),
        allowedNetlifyTeams: ["allowed-team"],
      };
    });
    afterAll(async () => {
      await simulator?.stop();
      await database?.dispose();
    });

    it("refuses a token Netlify refuses, with a sentence, and stores nothing", async () => {
      const attempt = signInWithNetlifyToken(db(), env, "nfp_refused", "personal", null);
      await expect(attempt).rejects.toBeInstanceOf(SignInError);
      await expect(attempt).rejects.toThrow("Netlify did not accept that token.");
      expect(await userCount()).toBe(0);
      expect(await db().select().from(netlifyConnections)).toEqual([]);
    });

    it("makes the first person the admin and keeps their token only encrypted", async () => {
      const { user, session } = await signInWithNetlifyToken(
        db(),
        env,
        "dana-token",
        "personal",
        "test agent",
      );
      expect(user).toMatchObject({ fullName: "Dana Demo", role: "admin", status: "active" });
      const [connection] = await db()
        .select()
        .from(netlifyConnections)
        .where(eq(netlifyConnections.userId, user.id));
      expect(connection?.tokenCiphertext).not.toContain("dana-token");
      expect(createTokenCipher(authSecret).decrypt(connection?.tokenCiphertext ?? "")).toBe("dana-token");
      expect(connection?.accountSlugs).toEqual(["demo-team"]);
      expect((await validateSession(db(), session.token))?.user.id).toBe(user.id);
      const [stored] = await db().select().from(userSessions);
      expect(stored?.tokenHash).not.toBe(session.token);
      expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it("lets a member of an allowed team in; anyone else waits for approval", async () => {
      const olive = await signInWithNetlifyToken(db(), env, "olive-token", "personal", null);
      expect(olive.user).toMatchObject({ role: "member", status: "active" });
      const strict = await signInWithNetlifyToken(
        db(),
        { ...env, allowedNetlifyTeams: [] },
        "olive-token",
        "personal",
        null,
      );
      // Signing in again finds the same person: access is decided once.
      expect(strict.user.id).toBe(olive.user.id);
      expect(strict.user.status).toBe("active");
    });

    it("signs in through OAuth with state and PKCE, and refuses a wrong state and a reused code", async () => {
      const settings = netlifyOAuthSettings({ ...env, mode: "demo" });
      if (!settings) throw new Error("demo mode always has the simulator's OAuth application");
      const start = beginOAuth(settings);
      expect(start.url.searchParams.get("code_challenge_method")).toBe("S256");
      expect(start.url.searchParams.get("state")).toBe(start.state);
      const callback = await approveOnSimulator(simulator, start.url, "Priya Patel");
      const params = {
        code: callback.searchParams.get("code"),
        state: callback.searchParams.get("state"),
        error: null,
      };
      const saved = { state: start.state, verifier: start.verifier };

      expect(await completeOAuth(db(), env, settings, { ...params, state: "forged" }, saved, null)).toBe(
        "state",
      );
      expect(await completeOAuth(db(), env, settings, params, { ...saved, state: undefined }, null)).toBe(
        "state",
      );
      expect(
        await completeOAuth(db(), env, settings, { ...params, error: "access_denied" }, saved, null),
      ).toBe("denied");
      const signedIn = await completeOAuth(db(), env, settings, params, saved, null);
      if (typeof signedIn === "string") throw new Error(`sign-in failed: ${signedIn}`);
      expect(signedIn.user).toMatchObject({ fullName: "Priya Patel", role: "member", status: "pending" });
      expect(await completeOAuth(db(), env, settings, params, saved, null)).toBe("exchange");
      const [connection] = await db()
        .select()
        .from(netlifyConnections)
        .where(eq(netlifyConnections.userId, signedIn.user.id));
      expect(connection?.tokenKind).toBe("oauth");
    });

    it("ends one session, or every session of a person, and ignores forged tokens", async () => {
      const [dana] = await db().select().from(users).where(eq(users.fullName, "Dana Demo"));
      if (!dana) throw new Error("Dana signed in above");
      const phone = await createSession(db(), dana.id, "phone");
      const laptop = await createSession(db(), dana.id, "laptop");
      const onPhone = await validateSession(db(), phone.token);
      await revokeSession(db(), onPhone?.sessionId ?? "");
      expect(await validateSession(db(), phone.token)).toBeUndefined();
      expect(await validateSession(db(), laptop.token)).toBeDefined();
      expect(await revokeUserSessions(db(), dana.id)).toBeGreaterThanOrEqual(1);
      expect(await validateSession(db(), laptop.token)).toBeUndefined();
      for (const forged of [undefined, "", "x".repeat(43), "y".repeat(5_000)])
        expect(await validateSession(db(), forged)).toBeUndefined();
      await db()
        .update(userSessions)
        .set({ expiresAt: new Date(Date.now() - 1_000) });
      const expired = await createSession(db(), dana.id, null);
      await db()
        .update(userSessions)
        .set({ expiresAt: new Date(Date.now() - 1) });
      expect(await validateSession(db(), expired.token)).toBeUndefined();
    });
  });
}

describe("the same-origin check (CSRF)", () => {
  const env = { appUrl: "https://switchyard.example.com" };
  const post = (headers: Record<string, string>) =>
    new Request("https://switchyard.example.com/api/keys", { method: "POST", headers });

  it("lets reads through and same-origin writes in", () => {
    expect(isSameOriginRequest(new Request("https://switchyard.example.com/api/keys"), env)).toBe(true);
    expect(isSameOriginRequest(post({ origin: "https://switchyard.example.com" }), env)).toBe(true);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "same-origin" }), env)).toBe(true);
  });

  it("refuses writes from another origin, from a sibling site, or with no proof at all", () => {
    expect(isSameOriginRequest(post({ origin: "https://evil.example" }), env)).toBe(false);
    expect(isSameOriginRequest(post({ origin: "null" }), env)).toBe(false);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "same-site" }), env)).toBe(false);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "cross-site" }), env)).toBe(false);
    expect(isSameOriginRequest(post({}), env)).toBe(false);
  });
});
