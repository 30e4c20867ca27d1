import { NextResponse } from "next/server";
import {
  beginOAuth,
  netlifyOAuthSettings,
  OAUTH_COOKIE_MAX_AGE_S,
  OAUTH_COOKIE_PATH,
  OAUTH_COOKIES,
} from "@/lib/auth/netlify-oauth";
import { sessionCookieOptions } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { ApiError, withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

// GET /api/auth/netlify/start — sends the browser to Netlify's consent page, with state and PKCE.
export const GET = withRoute(async () => {
  const settings = netlifyOAuthSettings(env());
  if (!settings)
    throw new ApiError("NOT_FOUND", "Sign in with Netlify is not configured on this installation.");
  const { url, state, verifier } = beginOAuth(settings);
  const response = NextResponse.redirect(url);
  const options = { ...sessionCookieOptions(env()), path: OAUTH_COOKIE_PATH, maxAge: OAUTH_COOKIE_MAX_AGE_S };
  response.cookies.set(OAUTH_COOKIES.state, state, options);
  response.cookies.set(OAUTH_COOKIES.verifier, verifier, options);
  return response;
});
