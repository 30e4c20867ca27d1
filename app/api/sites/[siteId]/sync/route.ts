import { env } from "@/lib/env";
import { otherMethods } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { syncSiteNow } from "@/lib/sync/sync-now";
import { toSyncNowOutput } from "@/lib/sync/sync-schemas";

export const dynamic = "force-dynamic";

// POST /api/sites/{siteId}/sync — an admin's "Sync now": the site's pass at once (once per 30 s).
export const POST = withSession<RouteContext<"/api/sites/[siteId]/sync">>(
  async (_request, context, { db, log }) => {
    const { siteId } = await context.params;
    const result = await syncSiteNow(db, env(), siteId, { log });
    log.info({ siteId, outcome: result.outcome }, "sync now");
    return Response.json(toSyncNowOutput(result));
  },
  { role: "admin" },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
