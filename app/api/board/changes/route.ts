import { env } from "@/lib/env";
import { otherMethods, parseInput, queryObject } from "@/lib/http";
import { runAfterResponse } from "@/lib/http/after-response";
import { withSession } from "@/lib/http/with-session";
import { boardChangesSince } from "@/lib/runners/board-changes";
import { boardKeeper } from "@/lib/runners/board-live";
import { boardChangesOutputSchema, boardChangesQuerySchema } from "@/lib/runners/board-schemas";

export const dynamic = "force-dynamic";

// GET /api/board/changes?since=<n> — cards changed and runners removed after board change n.
export const GET = withSession(
  async (request, _context, { db, log, requestId }) => {
    const { since } = parseInput(
      boardChangesQuerySchema,
      queryObject(request.nextUrl.searchParams),
      "query string",
    );
    // A board that polls (no server-sent events) keeps its sites fresh the same way.
    runAfterResponse(
      boardKeeper(db, env(), { owner: `board:${requestId}`, log }),
      log,
      "keeping the board live",
    );
    return Response.json(boardChangesOutputSchema.parse(await boardChangesSince(db, since)));
  },
  { role: "viewer" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
