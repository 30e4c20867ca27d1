import { randomUUID } from "node:crypto";

export const requestIdHeader = "X-Request-Id";

/**
 * A fresh id for each request. A client's own `X-Request-Id` is never honoured: it would let a
 * caller forge or collide the id that ties our log lines to an answer.
 */
export function newRequestId(): string {
  return randomUUID();
}
