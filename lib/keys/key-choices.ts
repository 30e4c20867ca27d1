import "server-only";
import { asc } from "drizzle-orm";
import type { Database } from "@/db";
import { apiKeyScopes, sites } from "@/db/schema";
import { type ScopeRisk, scopeDetails } from "./scopes";

/** What the key dialogs offer, prepared on the server so the browser bundle stays free of the schema. */
export interface ScopeChoice {
  scope: string;
  risk: ScopeRisk;
  summary: string;
}

export interface SiteChoice {
  id: string;
  name: string;
}

/** The scopes a key can carry, with their risk and what they allow, for the mint dialog. */
export const scopeChoices = (): ScopeChoice[] =>
  apiKeyScopes.map((scope) => ({ scope, ...scopeDetails[scope] }));

/** The sites on the board; minting still checks the person's own token can see the one chosen. */
export async function siteChoices(db: Database): Promise<SiteChoice[]> {
  return db.select({ id: sites.id, name: sites.name }).from(sites).orderBy(asc(sites.name));
}
