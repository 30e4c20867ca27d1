import type { NextRequest } from "next/server";
import type { Database } from "@/db";
import type { ApiKey, ApiKeyScope } from "@/db/schema";
import { database } from "@/lib/database";
import { verifyApiKey } from "@/lib/keys/verify-key";
import { type RouteHandler, withRoute } from "./with-route";

/** What a key-authenticated handler is granted: the key (never its secret) and the database. */
export interface ApiKeyGrant {
  apiKey: ApiKey;
  db: Database;
}

/**
 * A route handler for scripts holding an `oc_` key: refuses a missing, malformed, unknown,
 * revoked or expired key, or one without `scope` (or without the scope `scope` picks for this
 * request), before the handler runs. No cookies are read: a key request cannot ride a session.
 */
export function withApiKey<Context = unknown>(
  handler: RouteHandler<Context, ApiKeyGrant>,
  options: { scope: ApiKeyScope | ((request: NextRequest) => ApiKeyScope) },
) {
  return withRoute(handler, {
    async authorize(request: NextRequest, scope) {
      const { db } = await database();
      const needed = typeof options.scope === "function" ? options.scope(request) : options.scope;
      const apiKey = await verifyApiKey(db, request.headers.get("authorization"), needed);
      return { apiKey, db, log: scope.log.child({ keyId: apiKey.id, siteId: apiKey.siteId }) };
    },
  });
}
