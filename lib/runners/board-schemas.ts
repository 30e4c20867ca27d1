import { z } from "zod";

/*
 * The board's live-update API, in and out. Cards are parsed field by field on the way out, so
 * nothing else of a cached runner (its upstream payload, who created it through which key)
 * reaches a browser.
 */

/** `GET /api/board/changes?since=<n>`: the board change number the browser has seen. */
export const boardChangesQuerySchema = z.object({
  since: z
    .string()
    .regex(/^\d{1,15}$/, "expected a whole number")
    .transform(Number),
});

const boardCardOutputSchema = z.object({
  id: z.string(),
  siteName: z.string(),
  title: z.string().nullable(),
  state: z.string(),
  currentTask: z.string().nullable(),
  branch: z.string().nullable(),
  prUrl: z.string().nullable(),
  prNumber: z.number().int().nullable(),
  prState: z.string().nullable(),
  deployUrl: z.string().nullable(),
  creatorName: z.string().nullable(),
  lastActivityAt: z.iso.datetime(),
});

export const boardChangesOutputSchema = z.object({
  /** Ask with this next time. */
  cursor: z.number().int().min(0),
  /** Cards to add or replace, by id. */
  runners: z.array(boardCardOutputSchema),
  /** Cards to drop: runners gone upstream, archived, or of a site taken off the board. */
  removed: z.array(z.string()),
  /** True when there was more than one answer holds: ask again at once. */
  more: z.boolean(),
});
export type BoardChangesOutput = z.infer<typeof boardChangesOutputSchema>;
