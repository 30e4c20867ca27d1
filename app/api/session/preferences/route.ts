import { otherMethods, parseInput, readJsonBody } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { preferencesSchema, savePreferences } from "@/lib/users/preferences";

export const dynamic = "force-dynamic";

// PUT /api/session/preferences — remember the signed-in person's choices (the diff layout).
export const PUT = withSession(
  async (request, _context, { db, user }) => {
    const preferences = parseInput(
      preferencesSchema,
      await readJsonBody(request, { maxBytes: 1_000 }),
      "request body",
    );
    return Response.json(await savePreferences(db, user.id, preferences));
  },
  { role: "viewer" },
);

export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
