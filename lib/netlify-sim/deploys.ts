import type { SimSite } from "./model";
import type { SimStore } from "./store";

/** A new production deploy of the site; runs of a non-git site based on an older one can then rebase. */
export function publishProductionDeploy(store: SimStore, site: SimSite, at = store.clock.now()): string {
  const id = store.random.id();
  store.addDeploy({
    id,
    siteId: site.id,
    state: "ready",
    context: "production",
    url: `https://${site.name}.netlify.app`,
    errorMessage: null,
    createdAt: at,
  });
  site.productionDeployId = id;
  return id;
}
