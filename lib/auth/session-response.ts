import "server-only";
import type { NextResponse } from "next/server";
import type { User } from "@/db/schema";
import type { Env } from "@/lib/env";
import { clearedCookieOptions, SESSION_COOKIE, sessionCookieOptions } from "./session-cookie";
import type { NewSession } from "./session-store";

/** What the browser may know about the person signed in: never a token, never a Netlify id. */
export const publicUser = (user: User) => ({
  id: user.id,
  email: user.email,
  fullName: user.fullName,
  avatarUrl: user.avatarUrl,
  role: user.role,
  status: user.status,
});

export function withSessionCookie<R extends NextResponse>(response: R, env: Env, session: NewSession): R {
  response.cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(env, session.expiresAt));
  return response;
}

export function withoutSessionCookie<R extends NextResponse>(response: R, env: Env): R {
  response.cookies.set(SESSION_COOKIE, "", clearedCookieOptions(env));
  return response;
}
