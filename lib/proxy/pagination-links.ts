/**
 * Netlify's `Link` header points at its own host with the key's `site_id` in the query. The
 * proxy rewrites each link to the same path under its own base, keeping only the paging and
 * filter parameters, so a script can follow `rel="next"` through the proxy and never learns
 * (or needs) the upstream URL.
 */
export function rewriteLinkHeader(link: string, proxyUrl: string): string {
  const rewritten: string[] = [];
  for (const part of link.split(",")) {
    const match = /<([^>]*)>\s*;\s*rel="?([a-z]+)"?/i.exec(part);
    if (!match?.[1] || !match[2]) continue;
    let upstream: URL;
    try {
      upstream = new URL(match[1]);
    } catch {
      continue;
    }
    const target = new URL(proxyUrl);
    target.search = "";
    for (const [name, value] of upstream.searchParams) {
      if (name !== "site_id" && name !== "account_id") target.searchParams.append(name, value);
    }
    rewritten.push(`<${target.toString()}>; rel="${match[2]}"`);
  }
  return rewritten.join(", ");
}
