/*
 * Build-time switch used only by the benchmark's baseline build (`npm run bench:board`), which
 * renders every card of a column to show what virtualization saves. Read here and not through
 * `lib/env.ts`: that module is server-only, and Next.js inlines `NEXT_PUBLIC_` variables into the
 * browser bundle at build time only when written out as `process.env.NAME`.
 */
export const virtualizeColumns = process.env.NEXT_PUBLIC_BOARD_VIRTUALIZE !== "0";
