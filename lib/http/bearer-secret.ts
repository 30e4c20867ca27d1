import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { ApiError } from "./api-error";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Refuses a request whose `Authorization: Bearer …` is not `secret` (a shared secret such as
 * CRON_SECRET, not an API key). Security: both sides are hashed to equal-length digests and
 * compared in constant time, so neither the secret's length nor a matching prefix shows in the
 * timing; a missing header and a wrong secret get the same answer.
 */
export function requireBearerSecret(request: NextRequest, secret: string): void {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const matches = timingSafeEqual(digest(presented), digest(secret));
  if (!matches || presented.length === 0)
    throw new ApiError("UNAUTHORIZED", "Send the cron secret as Authorization: Bearer <CRON_SECRET>.");
}
