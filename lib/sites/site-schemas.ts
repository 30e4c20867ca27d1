import { z } from "zod";
import type { SiteListing, SitePage } from "./list-netlify-sites";

/*
 * The sites API's shapes, in and out. Outputs are parsed from `SiteListing`, built field by field
 * from Netlify's answer and the `sites` table, so nothing internal (who connected it, the
 * account id, Netlify's raw fields) and no token can reach a browser.
 */

export const MAX_SITES_PER_PAGE = 50;
export const DEFAULT_SITES_PER_PAGE = 20;

/** Netlify site ids are UUIDs; anything that is not one word of letters, digits and dashes is refused unsent. */
export const siteIdPattern = /^[A-Za-z0-9-]{1,64}$/;

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, "expected a whole number")
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

/** `GET /api/sites?search=&page=&perPage=` */
export const listSitesQuerySchema = z.object({
  search: z.string().trim().max(100).optional(),
  page: wholeNumber(10_000).optional(),
  perPage: wholeNumber(MAX_SITES_PER_PAGE).optional(),
});
export type ListSitesQuery = z.infer<typeof listSitesQuerySchema>;

/** `POST /api/sites` */
export const connectSiteInputSchema = z.strictObject({
  siteId: z.string().regex(siteIdPattern, "expected a Netlify site id"),
});
export type ConnectSiteInput = z.infer<typeof connectSiteInputSchema>;

export const siteOutputSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string().nullable(),
  accountName: z.string().nullable(),
  /** On the board. */
  connected: z.boolean(),
  /** Connected with the signed-in person's own token. */
  connectedByMe: z.boolean(),
});
export type SiteOutput = z.infer<typeof siteOutputSchema>;

export const siteListOutputSchema = z.object({
  sites: z.array(siteOutputSchema),
  page: z.number().int().min(1),
  totalPages: z.number().int().min(1),
});
export type SiteListOutput = z.infer<typeof siteListOutputSchema>;

export const toSiteOutput = (site: SiteListing): SiteOutput =>
  siteOutputSchema.parse({
    id: site.id,
    name: site.name,
    url: site.url,
    accountName: site.accountName,
    connected: site.connected,
    connectedByMe: site.connectedByMe,
  });

export const toSiteListOutput = (page: SitePage): SiteListOutput =>
  siteListOutputSchema.parse({
    sites: page.sites.map(toSiteOutput),
    page: page.page,
    totalPages: page.totalPages,
  });
