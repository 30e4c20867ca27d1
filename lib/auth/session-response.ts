import "server-only";
import type { NextResponse } from "next/server";
import type { Env } from "@/lib/env";
import { clearedCookieOptions, SESSION_COOKIE, sessionCookieOptions } from "./session-cookie";
import type { NewSession } from "./session-store";

export function withSessionCookie<R extends NextResponse>(response: R, env: Env, session: NewSession): R {
  response.cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(env, session.expiresAt));
  return response;
}

export function withoutSessionCookie<R extends NextResponse>(response: R, env: Env): R {
  response.cookies.set(SESSION_COOKIE, "", clearedCookieOptions(env));
  return response;
}
