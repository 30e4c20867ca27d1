import "server-only";
import { dehydrate, QueryClient } from "@tanstack/react-query";
import type { User } from "@/db/schema";
import { database } from "@/lib/database";
import { boardQueryOptions, toBoardData } from "@/lib/queries/board";
import { boardOutputSchema } from "./board-schemas";
import { loadBoard } from "./board-view";

/**
 * The board read on the server and handed to the browser's query cache, so it renders at once
 * and is then kept live there. Parsed like `GET /api/board`'s answer, so the page's HTML carries
 * exactly the same fields.
 */
export async function prefetchBoard(user: User, archived: boolean) {
  const { db } = await database();
  const board = boardOutputSchema.parse(await loadBoard(db, user, { includeArchived: archived }));
  const queryClient = new QueryClient();
  queryClient.setQueryData(boardQueryOptions(archived).queryKey, toBoardData(board));
  return dehydrate(queryClient);
}
