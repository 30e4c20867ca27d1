import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": fromRoot("."),
      // Tests load server modules as the server does: `server-only` as its empty module, which
      // Next.js and the scripts get through React's `react-server` condition. Aliased rather than
      // setting that condition for every package, which would also swap React for its server build.
      "server-only": fromRoot("./node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
