import { otherMethods, parseInput } from "@/lib/http";
import { ApiError } from "@/lib/http/api-error";
import { withSession } from "@/lib/http/with-session";
import { runnerActionParamsSchema } from "@/lib/runners/runner-action-schemas";
import { loadRunnerDetail } from "@/lib/runners/runner-detail";
import { runnerDetailOutputSchema } from "@/lib/runners/runner-detail-schemas";

export const dynamic = "force-dynamic";

// GET /api/runners/{runnerId} — one run for its page: its fields, sessions and what the viewer may do.
export const GET = withSession<RouteContext<"/api/runners/[runnerId]">>(
  async (_request, context, { db, user }) => {
    const { runnerId } = parseInput(runnerActionParamsSchema, await context.params, "path");
    const detail = await loadRunnerDetail(db, user, runnerId);
    if (!detail) throw new ApiError("NOT_FOUND", "This run is not on the board.");
    return Response.json(runnerDetailOutputSchema.parse(detail));
  },
  { role: "viewer" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
