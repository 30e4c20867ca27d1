import { otherMethods, parseInput, readJsonBody } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { removeUser } from "@/lib/users/remove-user";
import { updateUser } from "@/lib/users/update-user";
import { toUserOutput, updateUserInputSchema } from "@/lib/users/user-schemas";

export const dynamic = "force-dynamic";

// PATCH /api/users/{userId} — approves a person and/or changes their role; never the last admin away.
export const PATCH = withSession<RouteContext<"/api/users/[userId]">>(
  async (request, context, { db, log }) => {
    const change = parseInput(
      updateUserInputSchema,
      await readJsonBody(request, { maxBytes: 1_024 }),
      "request body",
    );
    const user = await updateUser(db, (await context.params).userId, change);
    log.info({ targetUserId: user.id, role: user.role, status: user.status }, "user access changed");
    return Response.json({ user: toUserOutput(user) });
  },
  { role: "admin" },
);

// DELETE /api/users/{userId} — removes a person: signed out everywhere, no more sign-in.
export const DELETE = withSession<RouteContext<"/api/users/[userId]">>(
  async (_request, context, { db, log }) => {
    const { userId } = await context.params;
    await removeUser(db, userId);
    log.info({ targetUserId: userId }, "user removed");
    return new Response(null, { status: 204 });
  },
  { role: "admin" },
);

export const { GET, POST, PUT, OPTIONS } = otherMethods("PATCH", "DELETE");
