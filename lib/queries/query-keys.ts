/**
 * Every query key factory in one module: mutations of one resource invalidate another's queries
 * (minting a key connects its site), and one module keeps the query modules from importing each other.
 */
export interface SitesQuery {
  search: string;
  page: number;
}

export const keyQueryKeys = { all: ["keys"] as const };

export const siteQueryKeys = {
  all: ["sites"] as const,
  list: (query: SitesQuery) => [...siteQueryKeys.all, "list", query] as const,
};

export const syncQueryKeys = {
  all: ["sync"] as const,
  status: () => [...syncQueryKeys.all, "status"] as const,
};

export const boardQueryKeys = {
  all: ["board"] as const,
  /** The board's cards, with archived runners or without. */
  cards: (archived: boolean) => [...boardQueryKeys.all, "cards", { archived }] as const,
};

export const runnerQueryKeys = {
  all: ["runner"] as const,
  /** One run's page: its fields, sessions and abilities. */
  detail: (runnerId: string) => [...runnerQueryKeys.all, runnerId, "detail"] as const,
  /** A diff's pages: by session and kind (or the run's own), and the version of the run it shows. */
  diff: (runnerId: string, diff: string, version: string) =>
    [...runnerQueryKeys.all, runnerId, "diff", diff, version] as const,
};
