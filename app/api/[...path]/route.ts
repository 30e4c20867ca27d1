import { ApiError, withRoute } from "@/lib/http";

// Every method of any /api path no route file claims: Next.js prefers static and dynamic
// segments to this catch-all, so /api/health and later routes keep their own handlers.
const noSuchEndpoint = withRoute(() => {
  throw new ApiError("NOT_FOUND", "No such API endpoint.");
});

// GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS /api/* — a JSON 404 instead of Next.js's HTML page
export const GET = noSuchEndpoint;
export const HEAD = noSuchEndpoint;
export const POST = noSuchEndpoint;
export const PUT = noSuchEndpoint;
export const PATCH = noSuchEndpoint;
export const DELETE = noSuchEndpoint;
export const OPTIONS = noSuchEndpoint;
