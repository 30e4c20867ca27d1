import { NextResponse } from "next/server";
import {
  completeOAuth,
  netlifyOAuthSettings,
  OAUTH_COOKIE_PATH,
  OAUTH_COOKIES,
} from "@/lib/auth/netlify-oauth";
import { sessionCookieOptions } from "@/lib/auth/session-cookie";
import { withSessionCookie } from "@/lib/auth/session-response";
import { database } from "@/lib/database";
import { env } from "@/lib/env";
import { withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

// GET /api/auth/netlify/callback — Netlify sends the browser back here with a code and the state.
export const GET = withRoute(async (request) => {
  const config = env();
  const settings = netlifyOAuthSettings(config);
  const query = request.nextUrl.searchParams;
  const result = settings
    ? await completeOAuth(
        (await database()).db,
        config,
        settings,
        { code: query.get("code"), state: query.get("state"), error: query.get("error") },
        {
          state: request.cookies.get(OAUTH_COOKIES.state)?.value,
          verifier: request.cookies.get(OAUTH_COOKIES.verifier)?.value,
        },
        request.headers.get("user-agent"),
      )
    : "denied";
  // A failure goes back to the sign-in page, which says what happened in words.
  const target = typeof result === "string" ? `/sign-in?error=${result}` : "/";
  const response = NextResponse.redirect(new URL(target, config.appUrl));
  const spent = { ...sessionCookieOptions(config), path: OAUTH_COOKIE_PATH, maxAge: 0 };
  response.cookies.set(OAUTH_COOKIES.state, "", spent);
  response.cookies.set(OAUTH_COOKIES.verifier, "", spent);
  return typeof result === "string" ? response : withSessionCookie(response, config, result.session);
});
