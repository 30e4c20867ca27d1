import { otherMethods, parseInput, readJsonBody } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { rollKeyInputSchema } from "@/lib/keys/key-schemas";
import { rollKeyAs } from "@/lib/keys/settings-keys";

export const dynamic = "force-dynamic";

// POST /api/keys/{keyId}/roll — a new secret, same settings; the old key lives out the grace period.
export const POST = withSession<RouteContext<"/api/keys/[keyId]/roll">>(
  async (request, context, { db, user }) => {
    const { graceSeconds } = parseInput(
      rollKeyInputSchema,
      await readJsonBody(request, { maxBytes: 1_024 }),
      "request body",
    );
    return Response.json(await rollKeyAs(db, user, (await context.params).keyId, graceSeconds), {
      status: 201,
    });
  },
  { role: "member" },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
