import { signOutResponse } from "@/lib/auth/sign-out";
import { withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

// POST /api/session/sign-out — ends this browser's session.
export const POST = withRoute((request) => signOutResponse(request, "this"));
