/*
 * A Netlify scheduled function: every five minutes it asks the app's cron route to sync the sites
 * that are due. The route does the work (and keeps each run within its time budget); this only
 * knocks and logs the numbers. It is bundled apart from the Next.js app, so it reads its two
 * settings from the environment itself: URL (set by Netlify to the site's main address) and
 * CRON_SECRET (set by you, as for the app).
 */

/** The route's own budget is 20 s; this leaves its answer room inside a scheduled function's 30 s. */
const timeoutMs = 27_000;

export default async function sync(): Promise<Response> {
  const base = process.env.URL ?? process.env.APP_URL;
  const secret = process.env.CRON_SECRET;
  if (!base || !secret) {
    console.error("sync: set CRON_SECRET (and URL or APP_URL) for the scheduled sync");
    return new Response(null, { status: 500 });
  }
  const answer = await fetch(`${base.replace(/\/+$/, "")}/api/cron/sync`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}` },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!answer.ok) {
    // The status only: an error body is the app's, and the secret never appears in it anyway.
    console.error(`sync: /api/cron/sync answered ${answer.status}`);
    return new Response(null, { status: 502 });
  }
  const { sites, totals, durationMs } = (await answer.json()) as {
    sites?: Record<string, number>;
    totals?: Record<string, number>;
    durationMs?: number;
  };
  console.info(JSON.stringify({ sites, totals, durationMs }));
  return new Response(null, { status: 204 });
}

// Netlify reads this at build time: standard cron syntax, in UTC.
export const config = { schedule: "*/5 * * * *" };
