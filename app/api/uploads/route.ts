import { env } from "@/lib/env";
import { otherMethods } from "@/lib/http";
import { withSession } from "@/lib/http/with-session";
import { readUploadForm, uploadAttachmentAs } from "@/lib/runners/upload-attachment";

export const dynamic = "force-dynamic";

// POST /api/uploads — stores one file (multipart: siteId, file) with Netlify for a run; answers its file key.
export const POST = withSession(
  async (request, _context, { db, user, log }) => {
    const form = await readUploadForm(request);
    const uploaded = await uploadAttachmentAs(db, env(), user, form);
    log.info({ siteId: form.siteId, size: uploaded.size }, "attachment uploaded");
    return Response.json(uploaded, { status: 201 });
  },
  { role: "member" },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
