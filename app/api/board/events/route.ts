import { env } from "@/lib/env";
import { otherMethods } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { boardEventStream } from "@/lib/runners/board-events";
import { boardKeeper } from "@/lib/runners/board-live";

export const dynamic = "force-dynamic";

// GET /api/board/events — server-sent events: the board change number, whenever it moves.
export const GET = withSession(
  (request, _context, { db, log, requestId }) => {
    const keepLive = boardKeeper(db, env(), { owner: `board:${requestId}`, log });
    return new Response(boardEventStream(db, { signal: request.signal, keepLive }), {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        // nginx and some hosts buffer responses unless told not to, which would hold events back.
        "X-Accel-Buffering": "no",
      },
    });
  },
  { role: "viewer" },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
