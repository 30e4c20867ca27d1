import { otherMethods } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { disconnectSiteAs } from "@/lib/sites/settings-sites";

export const dynamic = "force-dynamic";

// DELETE /api/sites/{siteId} — takes a site off the board, with its runners and its keys.
export const DELETE = withSession<RouteContext<"/api/sites/[siteId]">>(
  async (_request, context, { db, user, log }) => {
    const { siteId } = await context.params;
    await disconnectSiteAs(db, user, siteId);
    log.info({ siteId }, "site disconnected");
    return new Response(null, { status: 204 });
  },
  { role: "member" },
);

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods("DELETE");
