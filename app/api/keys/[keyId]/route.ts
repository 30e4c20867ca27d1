import { otherMethods } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { revokeKeyAs } from "@/lib/keys/settings-keys";

export const dynamic = "force-dynamic";

// DELETE /api/keys/{keyId} — revokes the key at once and for good.
export const DELETE = withSession<RouteContext<"/api/keys/[keyId]">>(
  async (_request, context, { db, user }) =>
    Response.json(await revokeKeyAs(db, user, (await context.params).keyId)),
  { role: "member" },
);

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods("DELETE");
