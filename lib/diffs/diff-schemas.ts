import { z } from "zod";

/*
 * `GET /api/runners/{runnerId}/diff`: one page of a diff, parsed into files, so the browser shows
 * the first files while later pages load. Pages count files (as Netlify's diff endpoints do).
 */

/** Which diff: a session's own change (`result`), everything up to it (`cumulative`), or the run's latest. */
export const diffQuerySchema = z.object({
  session: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,128}$/, "not a session id")
    .optional(),
  kind: z.enum(["result", "cumulative"]).default("cumulative"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(100),
});
export type DiffQuery = z.infer<typeof diffQuerySchema>;

/** `GET /api/runners/{runnerId}/diff/patch`: the same choice of diff, whole, as a file. */
export const diffPatchQuerySchema = diffQuerySchema.pick({ session: true, kind: true });

/** One line: `+` added, `-` removed, ` ` context; its old and new line numbers; its text. */
export const diffLineSchema = z.tuple([
  z.enum(["+", "-", " "]),
  z.number().int().nullable(),
  z.number().int().nullable(),
  z.string(),
]);
export type DiffLine = z.infer<typeof diffLineSchema>;

export const diffHunkSchema = z.object({ header: z.string(), lines: z.array(diffLineSchema) });
export type DiffHunk = z.infer<typeof diffHunkSchema>;

/** Why a file starts folded: reading it rarely helps a review. */
export const collapseReasons = ["lockfile", "generated", "binary", "large"] as const;
export type CollapseReason = (typeof collapseReasons)[number];

export const diffFileSchema = z.object({
  path: z.string(),
  /** The path before a rename; null otherwise. */
  oldPath: z.string().nullable(),
  status: z.enum(["added", "deleted", "renamed", "modified"]),
  additions: z.number().int(),
  deletions: z.number().int(),
  collapsed: z.enum(collapseReasons).nullable(),
  hunks: z.array(diffHunkSchema),
});
export type DiffFile = z.infer<typeof diffFileSchema>;

export const diffPageSchema = z.object({
  files: z.array(diffFileSchema),
  page: z.number().int(),
  perPage: z.number().int(),
  /** Files in the whole diff, when Netlify says; otherwise a short page means the last one. */
  totalFiles: z.number().int().nullable(),
  hasMore: z.boolean(),
});
export type DiffPage = z.infer<typeof diffPageSchema>;
