/*
 * Build-time switch used only by the benchmarks' baseline build (`npm run bench:board`,
 * `npm run bench:diff`), which renders every card of a column and every row of a diff, to show
 * what virtualization saves. Read here and not through `lib/env.ts`: that module is server-only,
 * and Next.js inlines `NEXT_PUBLIC_` variables into the browser bundle at build time only when
 * written out as `process.env.NAME`.
 */
export const virtualizeLists = process.env.NEXT_PUBLIC_VIRTUALIZE_LISTS !== "0";
