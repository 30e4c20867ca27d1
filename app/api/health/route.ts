import { database } from "@/lib/database";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// GET /api/health — liveness and readiness: answers 200 only when the database responds.
export async function GET() {
  try {
    const handle = await database();
    await handle.db.execute("select 1");
    return Response.json(
      { status: "ok", mode: env().mode, database: handle.driver },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json(
      { error: "The database is not reachable.", code: "DATABASE_UNAVAILABLE" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
