import { otherMethods } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { listUsers } from "@/lib/users/list-users";
import { toUserOutput } from "@/lib/users/user-schemas";

export const dynamic = "force-dynamic";

// GET /api/users — everyone who signed in, waiting people first; admins only.
export const GET = withSession(
  async (_request, _context, { db }) => Response.json({ users: (await listUsers(db)).map(toUserOutput) }),
  { role: "admin" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
