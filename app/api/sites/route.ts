import { env } from "@/lib/env";
import { otherMethods, parseInput, queryObject, readJsonBody } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { connectSiteAs, listSitesAs } from "@/lib/sites/settings-sites";
import { connectSiteInputSchema, listSitesQuerySchema } from "@/lib/sites/site-schemas";

export const dynamic = "force-dynamic";

// GET /api/sites?search=&page=&perPage= — one page of the sites the person's Netlify token can see.
export const GET = withSession(
  async (request, _context, { db, user }) => {
    const query = parseInput(listSitesQuerySchema, queryObject(request.nextUrl.searchParams), "query string");
    return Response.json(await listSitesAs(db, env(), user, query));
  },
  { role: "viewer" },
);

// POST /api/sites — connects a site the person's token can see to the board.
export const POST = withSession(
  async (request, _context, { db, user, log }) => {
    const input = parseInput(
      connectSiteInputSchema,
      await readJsonBody(request, { maxBytes: 1_024 }),
      "request body",
    );
    const { site, created } = await connectSiteAs(db, env(), user, input.siteId);
    if (created) log.info({ siteId: site.id }, "site connected");
    return Response.json({ site }, { status: created ? 201 : 200 });
  },
  { role: "member" },
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
