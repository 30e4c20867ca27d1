import { otherMethods } from "@/lib/http";
import { cronSyncHandler } from "@/lib/sync/cron-sync";

export const dynamic = "force-dynamic";

// GET|POST /api/cron/sync?budgetSeconds= — one scheduler run over the due sites (Bearer CRON_SECRET).
const handler = cronSyncHandler();

export { handler as GET, handler as POST };
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
