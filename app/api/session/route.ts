import { publicUser } from "@/lib/auth/session-response";
import { withSession } from "@/lib/http/with-session";

export const dynamic = "force-dynamic";

// GET /api/session — who is signed in.
export const GET = withSession((_request, _context, { user }) => Response.json({ user: publicUser(user) }), {
  role: "viewer",
});
