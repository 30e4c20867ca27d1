"use client";

import { useEffect, useState } from "react";

// The viewer's own locale and time zone: these render in the browser only (data loaded by a query).
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "long" });

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["week", 604_800],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "3 minutes ago", "in 2 hours", "now". */
export function relativeTime(iso: string, now: number): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  // The server's clock and the browser's rarely agree to the second: a moment either way is "now".
  if (Math.abs(seconds) < 5) return relativeFormat.format(0, "second");
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return relativeFormat.format(Math.round(seconds), "second");
}

/** A time as "5 minutes ago", with the exact date and time (viewer's time zone) on hover. */
export function RelativeTime({ iso, now }: { iso: string; now: number }) {
  return (
    <time dateTime={iso} title={exactFormat.format(new Date(iso))}>
      {relativeTime(iso, now)}
    </time>
  );
}

/**
 * The time of this render, with a re-render every `intervalMs` so relative times stay true while
 * a page is open. Read at render, not kept in state, so times that just arrived are measured
 * against now rather than against the last tick.
 */
export function useNow(intervalMs = 15_000): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return Date.now();
}
