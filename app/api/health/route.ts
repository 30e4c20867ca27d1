import { env } from "@/lib/env";
import { checkDatabase } from "@/lib/health";
import { otherMethods, withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

// GET /api/health — liveness and readiness: answers 200 only when the database responds.
export const GET = withRoute(async () => {
  const driver = await checkDatabase();
  return Response.json({ status: "ok", mode: env().mode, database: driver });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
