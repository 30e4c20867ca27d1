import type { UserRole } from "@/db/schema";

/**
 * Who mints or manages a key: a signed-in person with their role, or the operator at the CLI,
 * who acts with the service token (`NETLIFY_TOKEN`) and owns the keys they mint as nobody.
 */
export type KeyActor = { kind: "user"; userId: string; role: UserRole } | { kind: "service" };

export const actorRole = (actor: KeyActor): UserRole | "service" =>
  actor.kind === "service" ? "service" : actor.role;

/** Why a key request was refused; `code` is the stable code an HTTP answer or CLI message uses. */
export class KeyRequestError extends Error {
  constructor(
    readonly code: "VALIDATION_FAILED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT",
    message: string,
  ) {
    super(message);
    this.name = "KeyRequestError";
  }
}
