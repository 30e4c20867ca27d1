"use client";

import { RelativeTime, useNow } from "@/components/ui/relative-time";
import type { BoardCard } from "@/lib/runners/board";

const clock = (seconds: number) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m ${s}s` : `${s}s`;
};

/** Ticks every second on its own, so only running cards re-render that often. */
function Elapsed({ since }: { since: string }) {
  const now = useNow(1_000);
  return (
    <span>
      <span className="sr-only">Running for </span>
      {clock(Math.max(0, (now - Date.parse(since)) / 1000))}
    </span>
  );
}

/** Last activity in the viewer's time zone (exact time on hover); a running run's elapsed time ticks. */
export function CardTimes({ card, now }: { card: BoardCard; now: number }) {
  const running = card.state === "running" || card.state === "new";
  return (
    <span className="ml-auto text-ink-muted">
      {running ? (
        <Elapsed since={card.lastActivityAt} />
      ) : (
        <RelativeTime iso={card.lastActivityAt} now={now} />
      )}
    </span>
  );
}
