/**
 * The client's address for counting failed authentications. On Netlify the platform sets
 * `x-nf-client-connection-ip`, which a client cannot forge. Elsewhere the last `X-Forwarded-For`
 * entry is the one the nearest proxy saw (Next.js fills the socket address when there is none);
 * run behind a reverse proxy that appends to it.
 */
export function clientIp(headers: Headers): string {
  const netlify = headers.get("x-nf-client-connection-ip")?.trim();
  if (netlify) return netlify.slice(0, 64);
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded ? forwarded.slice(0, 64) : "unknown";
}
