import { env } from "@/lib/env";
import { otherMethods, parseInput, readJsonBody } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { mintKeyInputSchema } from "@/lib/keys/key-schemas";
import { listKeysAs, mintKeyAs } from "@/lib/keys/settings-keys";

export const dynamic = "force-dynamic";

// GET /api/keys — the keys the signed-in person may see (admins: all), never a secret or hash.
export const GET = withSession(
  async (_request, _context, { db, user }) => Response.json({ keys: await listKeysAs(db, user) }),
  {
    role: "viewer",
  },
);

// POST /api/keys — mints a key; the plaintext is in this answer and nowhere else, ever.
export const POST = withSession(
  async (request, _context, { db, user }) => {
    const input = parseInput(
      mintKeyInputSchema,
      await readJsonBody(request, { maxBytes: 16_384 }),
      "request body",
    );
    return Response.json(await mintKeyAs(db, env(), user, input), { status: 201 });
  },
  { role: "member" },
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
