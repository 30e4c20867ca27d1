import "server-only";
import { CodeChallengeMethod, generateCodeVerifier, generateState, OAuth2Client } from "arctic";
import type { Database } from "@/db";
import type { Env } from "@/lib/env";
import { DEMO_OAUTH_CLIENT } from "@/lib/netlify-sim/routes/oauth";
import { type SignedIn, SignInError, signInWithNetlifyToken } from "./sign-in";

/*
 * "Sign in with Netlify": the OAuth authorization-code grant with `state` and PKCE (S256), by
 * arctic. Demo mode runs the same code against the simulator's OAuth endpoints, so it works
 * offline. The state and the verifier wait in short-lived HttpOnly cookies scoped to the callback.
 */

export const OAUTH_COOKIES = {
  state: "switchyard_oauth_state",
  verifier: "switchyard_oauth_verifier",
} as const;
export const OAUTH_COOKIE_PATH = "/api/auth/netlify";
export const OAUTH_COOKIE_MAX_AGE_S = 600;

interface OAuthSettings {
  client: OAuth2Client;
  authorizeUrl: string;
  tokenUrl: string;
}

/** The OAuth application and Netlify's endpoints, or undefined when live mode has none configured. */
export function netlifyOAuthSettings(env: Env): OAuthSettings | undefined {
  const app =
    env.mode === "demo"
      ? { clientId: DEMO_OAUTH_CLIENT.id, clientSecret: DEMO_OAUTH_CLIENT.secret }
      : env.netlifyOAuth;
  if (!app) return undefined;
  const api = new URL(env.netlifyApiUrl);
  // Netlify's consent page is on app.netlify.com; the simulator serves both on its own origin.
  const authorizeOrigin = api.hostname === "api.netlify.com" ? "https://app.netlify.com" : api.origin;
  return {
    client: new OAuth2Client(app.clientId, app.clientSecret, `${env.appUrl}/api/auth/netlify/callback`),
    authorizeUrl: `${authorizeOrigin}/authorize`,
    tokenUrl: `${api.origin}/oauth/token`,
  };
}

export interface OAuthStart {
  url: URL;
  state: string;
  verifier: string;
}

export function beginOAuth(settings: OAuthSettings): OAuthStart {
  const state = generateState();
  const verifier = generateCodeVerifier();
  const url = settings.client.createAuthorizationURLWithPKCE(
    settings.authorizeUrl,
    state,
    CodeChallengeMethod.S256,
    verifier,
    [],
  );
  return { url, state, verifier };
}

/** Why a callback did not sign anyone in; the sign-in page turns each into a sentence. */
export type OAuthFailure = "state" | "denied" | "exchange" | "rejected";

export async function completeOAuth(
  db: Database,
  env: Env,
  settings: OAuthSettings,
  callback: { code: string | null; state: string | null; error: string | null },
  saved: { state: string | undefined; verifier: string | undefined },
  userAgent: string | null,
): Promise<SignedIn | OAuthFailure> {
  if (callback.error) return "denied";
  // A forged or replayed callback carries a state this browser did not start with.
  if (!callback.code || !callback.state || !saved.state || !saved.verifier || callback.state !== saved.state)
    return "state";
  let token: string;
  try {
    const tokens = await settings.client.validateAuthorizationCode(
      settings.tokenUrl,
      callback.code,
      saved.verifier,
    );
    token = tokens.accessToken();
  } catch {
    // A reused or expired code, or a refused client: nothing was stored.
    return "exchange";
  }
  try {
    return await signInWithNetlifyToken(db, env, token, "oauth", userAgent);
  } catch (error) {
    if (error instanceof SignInError) return "rejected";
    throw error;
  }
}
