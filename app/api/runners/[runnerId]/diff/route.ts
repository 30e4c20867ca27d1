import { diffPageSchema, diffQuerySchema } from "@/lib/diffs/diff-schemas";
import { loadDiffPage } from "@/lib/diffs/load-diff";
import { env } from "@/lib/env";
import { otherMethods, parseInput, queryObject } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { runnerActionParamsSchema } from "@/lib/runners/runner-action-schemas";

export const dynamic = "force-dynamic";

// GET /api/runners/{runnerId}/diff?session=&kind=result|cumulative&page=&perPage= — one page of a diff, parsed into files.
export const GET = withSession<RouteContext<"/api/runners/[runnerId]/diff">>(
  async (request, context, { db, user }) => {
    const { runnerId } = parseInput(runnerActionParamsSchema, await context.params, "path");
    const query = parseInput(diffQuerySchema, queryObject(request.nextUrl.searchParams), "query string");
    return Response.json(diffPageSchema.parse(await loadDiffPage(db, env(), user, runnerId, query)));
  },
  { role: "viewer" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
