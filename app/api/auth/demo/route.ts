import { signInResponse } from "@/lib/auth/sign-in-route";
import { env } from "@/lib/env";
import { ApiError, withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

// POST /api/auth/demo — demo mode's one click: signs in as the simulator's demo user.
export const POST = withRoute(async (request) => {
  const token = env().mode === "demo" ? env().netlifyDemoToken : undefined;
  if (!token) throw new ApiError("NOT_FOUND", "The demo user exists in demo mode only.");
  return signInResponse(request, token, "personal");
});
