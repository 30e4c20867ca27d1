import type { NetlifySimulator } from "@/lib/netlify-sim/server";

/** The id of the simulated site with this name, or "" when there is none. */
export const simulatedSiteId = (simulator: NetlifySimulator, name: string) =>
  [...simulator.store.sites.values()].find((site) => site.name === name)?.id ?? "";

/** Adds a second account (token "other") with one site, "not-yours", and answers that site's id. */
export async function addForeignSite(simulator: NetlifySimulator): Promise<string> {
  const other = await fetch(`${simulator.origin}/__sim/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: "other", sites: [{ name: "not-yours", code_origin: "github" }] }),
  });
  return ((await other.json()) as { sites: Array<{ id: string }> }).sites[0]?.id ?? "";
}
