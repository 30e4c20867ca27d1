import { signOutResponse } from "@/lib/auth/sign-out";
import { withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

// POST /api/session/sign-out-everywhere — ends every session of the signed-in person, on every device.
export const POST = withRoute((request) => signOutResponse(request, "everywhere"));
