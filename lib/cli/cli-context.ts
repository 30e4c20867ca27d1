import type { Database } from "@/db";
import type { Env } from "@/lib/env";
import type { NetlifyClient } from "@/lib/netlify/client";

/** What a CLI command runs with: the environment, the database, and where to write. */
export interface CliContext {
  env: Env;
  db: Database;
  /** Built on first use, so commands that need no Netlify call work without a token. */
  netlify: () => NetlifyClient;
  out: (line: string) => void;
}

export const printJson = (context: CliContext, value: unknown) => context.out(JSON.stringify(value, null, 2));

/** Plain columns, padded: readable in a terminal and easy to `awk`. */
export function printTable(context: CliContext, header: string[], rows: string[][]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  for (const row of [header, ...rows])
    context.out(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    );
}
