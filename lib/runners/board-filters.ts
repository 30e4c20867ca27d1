import {
  type BoardCard,
  type BoardColumn,
  boardColumns,
  byLatestActivity,
  columnOf,
  newestFirst,
} from "./board";

/*
 * The board's filters and sort, kept in the URL so a view can be shared. Pure, so the browser
 * and tests apply the same rules.
 */

export const boardSorts = [
  { id: "activity", label: "Latest activity" },
  { id: "created", label: "Newest first" },
  { id: "title", label: "Title A–Z" },
] as const;
export type BoardSort = (typeof boardSorts)[number]["id"];

export interface BoardFilters {
  site: string | null;
  agent: string | null;
  column: BoardColumn | null;
  text: string;
  mine: boolean;
  sort: BoardSort;
}

export interface BoardViewer {
  userId: string;
  netlifyUserId: string | null;
}

const startedByViewer = (card: BoardCard, viewer: BoardViewer) =>
  card.startedBy?.kind === "person" &&
  (card.startedBy.userId === viewer.userId ||
    (viewer.netlifyUserId !== null && card.startedBy.netlifyUserId === viewer.netlifyUserId));

function matchesText(card: BoardCard, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [card.title, card.branch, card.siteName, card.currentTask, card.id].some((field) =>
    field?.toLowerCase().includes(needle),
  );
}

const titleOrder = new Intl.Collator(undefined, { sensitivity: "base" });

const sorters: Record<BoardSort, (a: BoardCard, b: BoardCard) => number> = {
  activity: byLatestActivity,
  created: newestFirst("createdAt"),
  title: (a, b) => titleOrder.compare(a.title ?? "", b.title ?? ""),
};

/** The cards a view shows, in its order. */
export function filterCards(
  cards: readonly BoardCard[],
  filters: BoardFilters,
  viewer: BoardViewer,
): BoardCard[] {
  return cards
    .filter(
      (card) =>
        (!filters.site || card.siteId === filters.site) &&
        (!filters.agent || card.agent === filters.agent) &&
        (!filters.column || columnOf(card) === filters.column) &&
        (!filters.mine || startedByViewer(card, viewer)) &&
        matchesText(card, filters.text),
    )
    .sort(sorters[filters.sort]);
}

export const isBoardColumn = (value: string): value is BoardColumn =>
  boardColumns.some(({ id }) => id === value);
