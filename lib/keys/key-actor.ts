import type { UserRole } from "@/db/schema";
import { ApiError } from "@/lib/http/api-error";

/**
 * Who mints or manages a key: a signed-in person with their role, or the operator at the CLI,
 * who acts with the service token (`NETLIFY_TOKEN`) and owns the keys they mint as nobody.
 */
export type KeyActor = { kind: "user"; userId: string; role: UserRole } | { kind: "service" };

export const actorRole = (actor: KeyActor): UserRole | "service" =>
  actor.kind === "service" ? "service" : actor.role;

/**
 * Why a key request was refused. An ApiError, so a route handler answers with it as is (status
 * from the code) and the CLI prints its message.
 */
export class KeyRequestError extends ApiError {
  declare readonly code: "VALIDATION_FAILED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT";

  constructor(code: "VALIDATION_FAILED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT", message: string) {
    super(code, message);
    this.name = "KeyRequestError";
  }
}
