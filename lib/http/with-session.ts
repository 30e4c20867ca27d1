import type { NextRequest } from "next/server";
import type { Database } from "@/db";
import type { User, UserRole } from "@/db/schema";
import { hasRole } from "@/lib/auth/access";
import { isSameOriginRequest } from "@/lib/auth/same-origin";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { validateSession } from "@/lib/auth/session-store";
import { database } from "@/lib/database";
import { env } from "@/lib/env";
import { ApiError } from "./api-error";
import { type RouteHandler, withRoute } from "./with-route";

/** What a signed-in handler is granted: the person, their session, and the database. */
export interface SessionGrant {
  user: User;
  sessionId: string;
  db: Database;
}

/**
 * A route handler for signed-in people: refuses a state-changing request from another origin
 * (CSRF), a missing, forged or expired session, an account waiting for approval, and a role
 * below `role`, all before the handler runs.
 */
export function withSession<Context = unknown>(
  handler: RouteHandler<Context, SessionGrant>,
  options: { role: UserRole },
) {
  return withRoute(handler, {
    async authorize(request: NextRequest, scope) {
      if (!isSameOriginRequest(request, env()))
        throw new ApiError("CSRF_FAILED", "This request did not come from Switchyard's own pages.");
      const { db } = await database();
      const session = await validateSession(db, request.cookies.get(SESSION_COOKIE)?.value);
      if (!session) throw new ApiError("SESSION_REQUIRED", "Sign in to continue.");
      const { user } = session;
      if (user.status !== "active")
        throw new ApiError(
          "FORBIDDEN",
          user.status === "pending"
            ? "Your account is waiting for an admin's approval."
            : "Your account is disabled.",
        );
      if (!hasRole(user.role, options.role))
        throw new ApiError("FORBIDDEN", `This needs the ${options.role} role; you are a ${user.role}.`);
      return { user, sessionId: session.sessionId, db, log: scope.log.child({ userId: user.id }) };
    },
  });
}
