import { otherMethods, parseInput, queryObject } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { boardOutputSchema, boardQuerySchema } from "@/lib/runners/board-schemas";
import { loadBoard } from "@/lib/runners/board-view";

export const dynamic = "force-dynamic";

// GET /api/board?archived=0|1 — the board's cards, its change cursor, its sites and what the viewer may do.
export const GET = withSession(
  async (request, _context, { db, user }) => {
    const { archived } = parseInput(
      boardQuerySchema,
      queryObject(request.nextUrl.searchParams),
      "query string",
    );
    return Response.json(boardOutputSchema.parse(await loadBoard(db, user, { includeArchived: archived })));
  },
  { role: "viewer" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
