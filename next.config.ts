import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Database drivers load native sockets and WASM at run time; bundling them breaks both. The
  // HTTP client to Netlify is Node-only too and gains nothing from bundling.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@neondatabase/serverless", "ws", "undici"],
  // Migrations run at start-up, so the SQL files must ship with the server bundle.
  outputFileTracingIncludes: { "/*": ["./drizzle/**/*"] },
  poweredByHeader: false,
  // The dev server refuses its own HMR and refresh requests from an origin it does not know:
  // opening the app on 127.0.0.1 instead of localhost must work too.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  typedRoutes: true,
};

export default nextConfig;
