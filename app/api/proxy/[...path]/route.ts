import { proxyHandler } from "@/lib/proxy/proxy-handler";

// ALL /api/proxy/* — the scoped proxy: an `oc_` key's call, checked and forwarded to Netlify.
// HEAD and OPTIONS are routed too, so Next.js answers neither by itself (no implicit CORS preflight).
const handler = proxyHandler();

export {
  handler as DELETE,
  handler as GET,
  handler as HEAD,
  handler as OPTIONS,
  handler as PATCH,
  handler as POST,
  handler as PUT,
};
