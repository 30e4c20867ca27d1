import { withSession } from "@/lib/http/with-session";
import { toSessionUser } from "@/lib/users/user-schemas";

export const dynamic = "force-dynamic";

// GET /api/session — who is signed in.
export const GET = withSession(
  (_request, _context, { user }) => Response.json({ user: toSessionUser(user) }),
  {
    role: "viewer",
  },
);
