import { env } from "@/lib/env";
import { otherMethods, parseInput, readJsonBody } from "@/lib/http";
import { runAfterResponse } from "@/lib/http/after-response";
import { withSession } from "@/lib/http/with-session";
import { cacheCreatedRunner, createRunnerAs } from "@/lib/runners/create-runner";
import { createdRunnerSchema, createRunnerInputSchema } from "@/lib/runners/create-runner-schemas";

export const dynamic = "force-dynamic";

// POST /api/runners — starts a run on a connected site as the signed-in person.
export const POST = withSession(
  async (request, _context, { db, user, log }) => {
    const input = parseInput(
      createRunnerInputSchema,
      await readJsonBody(request, { maxBytes: 200_000 }),
      "request body",
    );
    const created = await createRunnerAs(db, env(), user, input);
    log.info({ runnerId: created.runnerId, siteId: created.siteId, mode: input.mode }, "run started");
    runAfterResponse(() => cacheCreatedRunner(db, created), log, "caching a run just started");
    return Response.json(createdRunnerSchema.parse({ id: created.runnerId }), { status: 201 });
  },
  { role: "member" },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
