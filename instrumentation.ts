// Runs once per server instance before it serves: validates the environment and brings the
// schema up to date (a no-op when the launcher or another instance already did).
export async function register() {
  // Read directly, not through lib/env: Next.js replaces this expression at build time, which
  // keeps the Node.js-only start-up code out of the edge bundle.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareAppServer } = await import("@/lib/startup/app-server");
    await prepareAppServer();
  }
}
