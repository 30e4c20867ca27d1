import { diffPatchQuerySchema } from "@/lib/diffs/diff-schemas";
import { streamWholeDiff } from "@/lib/diffs/load-diff";
import { env } from "@/lib/env";
import { otherMethods, parseInput, queryObject } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { runnerActionParamsSchema } from "@/lib/runners/runner-action-schemas";

export const dynamic = "force-dynamic";

// GET /api/runners/{runnerId}/diff/patch?session=&kind= — the whole diff as a .diff file, streamed from Netlify.
export const GET = withSession<RouteContext<"/api/runners/[runnerId]/diff/patch">>(
  async (request, context, { db, user }) => {
    const { runnerId } = parseInput(runnerActionParamsSchema, await context.params, "path");
    const query = parseInput(diffPatchQuerySchema, queryObject(request.nextUrl.searchParams), "query string");
    const name = `${runnerId}${query.session ? `-${query.session}-${query.kind}` : ""}.diff`;
    return new Response(await streamWholeDiff(db, env(), user, runnerId, query), {
      headers: {
        "content-type": "text/x-diff; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  },
  { role: "viewer" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
