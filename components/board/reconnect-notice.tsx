import Link from "next/link";
import { database } from "@/lib/database";
import { listReconnectNeeded } from "@/lib/sync/sync-status";

/**
 * Sites whose Netlify token was refused: their cards stop changing, so the board says why
 * instead of showing stale runners as if they were live.
 */
export async function ReconnectNotice() {
  const { db } = await database();
  const refused = await listReconnectNeeded(db);
  if (refused.length === 0) return null;
  const names = refused.map((site) => site.name).join(", ");
  return (
    <div role="status" className="rounded-lg bg-warn-soft px-4 py-3 text-sm text-warn-ink">
      <p>
        <strong className="font-medium">Reconnect needed:</strong> Netlify refused the token that{" "}
        {refused.length === 1 ? "site" : "sites"} {names} {refused.length === 1 ? "syncs" : "sync"} with, so{" "}
        {refused.length === 1 ? "its" : "their"} runners here are not being updated.{" "}
        <Link href="/settings#sync" className="font-medium underline underline-offset-2">
          See the sync status in Settings
        </Link>
        .
      </p>
    </div>
  );
}
