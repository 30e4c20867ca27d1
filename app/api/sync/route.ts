import { otherMethods, parseInput, queryObject } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { syncStatusQuerySchema } from "@/lib/sync/sync-schemas";
import { listSyncStatus } from "@/lib/sync/sync-status";

export const dynamic = "force-dynamic";

// GET /api/sync?siteId= — each connected site's sync status: last full pass, next run, errors.
export const GET = withSession(
  async (request, _context, { db, user }) => {
    const query = parseInput(
      syncStatusQuerySchema,
      queryObject(request.nextUrl.searchParams),
      "query string",
    );
    return Response.json(await listSyncStatus(db, user.id, query));
  },
  { role: "viewer" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
