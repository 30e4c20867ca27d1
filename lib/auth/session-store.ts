import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Database } from "@/db";
import { type User, userSessions, users } from "@/db/schema";

/*
 * Server-side sessions: the browser holds an opaque 256-bit token, the database its SHA-256
 * hash. Nothing is signed, so there is no signing key to leak; revoking is deleting a row.
 */

/** A session lives 30 days from sign-in; reading a page never writes. */
export const SESSION_TTL_MS = 30 * 86_400_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface NewSession {
  token: string;
  expiresAt: Date;
}

export async function createSession(
  db: Database,
  userId: string,
  userAgent: string | null,
): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.insert(userSessions).values({
    userId,
    tokenHash: hashToken(token),
    expiresAt,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export interface ValidSession {
  sessionId: string;
  user: User;
}

/** The user behind a session token, or undefined for a forged, revoked or expired one. */
export async function validateSession(
  db: Database,
  token: string | undefined,
): Promise<ValidSession | undefined> {
  if (!token || token.length > 100) return undefined;
  const now = new Date();
  const [row] = await db
    .select({ session: userSessions, user: users })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.tokenHash, hashToken(token)), gt(userSessions.expiresAt, now)));
  return row ? { sessionId: row.session.id, user: row.user } : undefined;
}

export async function revokeSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(userSessions).where(eq(userSessions.id, sessionId));
}

/** Sign out everywhere: every browser of this user, at once. */
export async function revokeUserSessions(db: Database, userId: string): Promise<number> {
  const removed = await db
    .delete(userSessions)
    .where(eq(userSessions.userId, userId))
    .returning({ id: userSessions.id });
  return removed.length;
}

/** Expired rows are dead weight; any request may sweep them. */
export async function deleteExpiredSessions(db: Database): Promise<void> {
  await db.delete(userSessions).where(lt(userSessions.expiresAt, new Date()));
}
