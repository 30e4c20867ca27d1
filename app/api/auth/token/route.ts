import { z } from "zod";
import { signInResponse } from "@/lib/auth/sign-in-route";
import { parseInput, readJsonBody, withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

const tokenSignInSchema = z.object({ token: z.string().trim().min(1, "is required").max(500) });

// POST /api/auth/token — signs in with a Netlify personal access token, checked with GET /user first.
export const POST = withRoute(async (request) => {
  const { token } = parseInput(
    tokenSignInSchema,
    await readJsonBody(request, { maxBytes: 4_096 }),
    "request body",
  );
  return signInResponse(request, token, "personal");
});
