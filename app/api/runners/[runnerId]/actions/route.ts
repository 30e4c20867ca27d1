import { env } from "@/lib/env";
import { otherMethods, parseInput, readJsonBody } from "@/lib/http";
import { runAfterResponse } from "@/lib/http/after-response";
import { withSession } from "@/lib/http/with-session";
import { refreshAfterAction, runRunnerAction } from "@/lib/runners/run-runner-action";
import { runnerActionParamsSchema, runnerActionSchema } from "@/lib/runners/runner-action-schemas";

export const dynamic = "force-dynamic";

// POST /api/runners/{runnerId}/actions — stop, archive, open a PR, follow up, answer or skip, as the signed-in person.
export const POST = withSession<RouteContext<"/api/runners/[runnerId]/actions">>(
  async (request, context, { db, user, log }) => {
    const { runnerId } = parseInput(runnerActionParamsSchema, await context.params, "path");
    const action = parseInput(
      runnerActionSchema,
      await readJsonBody(request, { maxBytes: 200_000 }),
      "request body",
    );
    const done = await runRunnerAction(db, env(), user, runnerId, action);
    log.info({ runnerId, action: action.action }, "runner action");
    runAfterResponse(() => refreshAfterAction(db, done), log, "refreshing a runner after an action");
    return Response.json({ ok: true, action: action.action });
  },
  { role: "member" },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
