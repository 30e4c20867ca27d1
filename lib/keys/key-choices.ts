import "server-only";
import { asc } from "drizzle-orm";
import type { Database } from "@/db";
import { apiKeyScopes, sites } from "@/db/schema";
import { type KeyCapability, keyCapabilities } from "./key-capabilities";
import { type ScopeRisk, scopeDetails } from "./scopes";

/** What the key dialogs offer, prepared on the server so the browser bundle stays free of the schema. */
export interface ScopeChoice {
  scope: string;
  risk: ScopeRisk;
  summary: string;
  /** The endpoints the scope adds to a key; a key's list is the union of its scopes'. */
  endpoints: KeyCapability[];
}

export interface SiteChoice {
  id: string;
  name: string;
}

/** The scopes a key can carry, with their risk and what they allow, for the mint dialog and the key list. */
export const scopeChoices = (): ScopeChoice[] =>
  apiKeyScopes.map((scope) => ({ scope, ...scopeDetails[scope], endpoints: keyCapabilities([scope]) }));

/** The sites on the board; minting still checks the person's own token can see the one chosen. */
export async function siteChoices(db: Database): Promise<SiteChoice[]> {
  return db.select({ id: sites.id, name: sites.name }).from(sites).orderBy(asc(sites.name));
}
