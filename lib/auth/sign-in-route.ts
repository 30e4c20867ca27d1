import "server-only";
import { type NextRequest, NextResponse } from "next/server";
import { database } from "@/lib/database";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { toSessionUser } from "@/lib/users/user-schemas";
import { isSameOriginRequest } from "./same-origin";
import { withSessionCookie } from "./session-response";
import { SignInError, signInWithNetlifyToken } from "./sign-in";

/**
 * The JSON sign-ins of the sign-in page (a personal access token, the demo account): refused
 * from another origin (login CSRF), answered with the person and a session cookie.
 */
export async function signInResponse(request: NextRequest, token: string, kind: "oauth" | "personal") {
  const config = env();
  if (!isSameOriginRequest(request, config))
    throw new ApiError("CSRF_FAILED", "This request did not come from Switchyard's own pages.");
  try {
    const { user, session } = await signInWithNetlifyToken(
      (await database()).db,
      config,
      token,
      kind,
      request.headers.get("user-agent"),
    );
    return withSessionCookie(NextResponse.json({ user: toSessionUser(user) }), config, session);
  } catch (error) {
    if (error instanceof SignInError) throw new ApiError("UNAUTHORIZED", error.message);
    throw error;
  }
}
