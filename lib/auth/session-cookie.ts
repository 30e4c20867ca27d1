import type { Env } from "@/lib/env";

/** The session cookie: HttpOnly (no script reads it), SameSite=Lax, Secure whenever the app is served over https. */
export const SESSION_COOKIE = "switchyard_session";

export interface CookieOptions {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  expires?: Date;
  maxAge?: number;
}

export function sessionCookieOptions(env: Pick<Env, "appUrl">, expires?: Date): CookieOptions {
  return {
    httpOnly: true,
    sameSite: "lax",
    secure: new URL(env.appUrl).protocol === "https:",
    path: "/",
    ...(expires ? { expires } : {}),
  };
}

/** Options that make the browser forget the cookie. */
export const clearedCookieOptions = (env: Pick<Env, "appUrl">): CookieOptions => ({
  ...sessionCookieOptions(env),
  maxAge: 0,
});
