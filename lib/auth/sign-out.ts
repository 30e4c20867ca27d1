import "server-only";
import { type NextRequest, NextResponse } from "next/server";
import { database } from "@/lib/database";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { isSameOriginRequest } from "./same-origin";
import { SESSION_COOKIE } from "./session-cookie";
import { withoutSessionCookie } from "./session-response";
import { revokeSession, revokeUserSessions, validateSession } from "./session-store";

/**
 * Signs this browser out, or every browser of the person ("everywhere"). Works for an account
 * still waiting for approval too, and always clears the cookie, even when the session is gone.
 */
export async function signOutResponse(request: NextRequest, scope: "this" | "everywhere") {
  const config = env();
  if (!isSameOriginRequest(request, config))
    throw new ApiError("CSRF_FAILED", "This request did not come from Switchyard's own pages.");
  const { db } = await database();
  const session = await validateSession(db, request.cookies.get(SESSION_COOKIE)?.value);
  let signedOut = 0;
  if (session && scope === "everywhere") signedOut = await revokeUserSessions(db, session.user.id);
  else if (session) {
    await revokeSession(db, session.sessionId);
    signedOut = 1;
  }
  return withoutSessionCookie(NextResponse.json({ signedOut }), config);
}
