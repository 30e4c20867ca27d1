import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appUrl, backendName, request, useRouteSuite } from "@/app/api/testing/route-environment";
import { type UserRole, users } from "@/db/schema";
import { addForeignSite, simulatedSiteId } from "@/lib/netlify-sim/testing/sim-sites";
import { attachmentSentences, maxAttachmentBytes } from "@/lib/runners/attachment-rules";

/*
 * POST /api/uploads against the simulator, on PostgreSQL when the suite has one: a file goes to
 * Netlify's storage from the server (the browser gets its key, never the upload URL), and files
 * too large or of the wrong type are refused before anything goes upstream.
 */

const pngBytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(300).fill(7)]);

describe(`POST /api/uploads on ${backendName}`, () => {
  const suite = useRouteSuite("switchyard-uploads-", async () => ({
    uploads: await import("./route"),
    runners: await import("../runners/route"),
    sites: await import("../sites/route"),
  }));
  let cookie: string;
  let siteId: string;
  let accountId: string;

  beforeAll(async () => {
    cookie = await suite.signIn();
    siteId = simulatedSiteId(suite.simulator, "docs-portal");
    accountId = suite.simulator.store.sites.get(siteId)?.accountId ?? "";
    const connected = await suite.routes.sites.POST(
      request("/api/sites", { method: "POST", cookie, body: { siteId } }),
      {},
    );
    expect(connected.status).toBe(201);
  });

  const upload = (fields: { siteId?: string; file?: File }, init: { cookie?: string } = { cookie }) => {
    const form = new FormData();
    if (fields.siteId !== undefined) form.set("siteId", fields.siteId);
    if (fields.file) form.set("file", fields.file);
    const headers = new Headers({ origin: appUrl });
    if (init.cookie) headers.set("cookie", init.cookie);
    return suite.routes.uploads.POST(
      new NextRequest(`${appUrl}/api/uploads`, { method: "POST", headers, body: form }),
      {},
    );
  };
  const setRole = async (role: UserRole) => (await suite.db()).update(users).set({ role });
  const upstreamUploads = () =>
    suite.simulator.log
      .list()
      .filter(
        (entry) =>
          entry.path === "/api/v1/agent_runners/upload_url" || entry.path.startsWith("/__sim/uploads/"),
      );

  it("stores a PNG with Netlify for the site's team from the server, answering its key, name and size only", async () => {
    suite.simulator.log.clear();
    const response = await upload({
      siteId,
      file: new File([pngBytes], "Screen shot 1.PNG", { type: "image/png" }),
    });
    expect(response.status).toBe(201);
    const text = await response.text();
    const uploaded = JSON.parse(text) as { fileKey: string; filename: string; size: number };
    expect(uploaded).toEqual({
      fileKey: expect.stringMatching(
        new RegExp(`^user-uploaded-content/${accountId}/[0-9a-f-]{36}/Screen-shot-1\\.png$`),
      ),
      filename: "Screen-shot-1.png",
      size: pngBytes.length,
    });
    expect(text).not.toMatch(/signature|__sim|upload_url/);

    const [asked, put] = upstreamUploads();
    expect(asked?.body).toEqual({
      account_id: accountId,
      filename: "Screen-shot-1.png",
      content_type: "image/png",
    });
    expect(put).toMatchObject({ method: "PUT", status: 200, authenticated: false });
    expect(put?.headers["content-type"]).toBe("image/png");
    expect(suite.simulator.store.uploads.get(uploaded.fileKey)).toEqual({
      accountId,
      contentType: "image/png",
      bytes: pngBytes.length,
    });

    const created = await suite.routes.runners.POST(
      request("/api/runners", {
        method: "POST",
        cookie,
        body: { siteId, prompt: "Match the screenshot", fileKeys: [uploaded.fileKey] },
      }),
      {},
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(suite.simulator.store.runners.get(id)?.attachedFileKeys).toEqual([uploaded.fileKey]);
  });

  it("takes Markdown a browser sent without a type, stored as text/markdown", async () => {
    const response = await upload({ siteId, file: new File(["# Notes\n"], "release notes (draft).md") });
    expect(response.status).toBe(201);
    const uploaded = (await response.json()) as { fileKey: string; filename: string };
    expect(uploaded.filename).toBe("release-notes-draft.md");
    expect(suite.simulator.store.uploads.get(uploaded.fileKey)?.contentType).toBe("text/markdown");
  });

  it("refuses files too large or of the wrong type, bad forms, other sites and viewers, before anything goes upstream", async () => {
    const foreignSiteId = await addForeignSite(suite.simulator);
    suite.simulator.log.clear();
    const png = (name = "a.png") => new File([pngBytes], name, { type: "image/png" });
    const refusals: Array<[string, Promise<Response>, number, string, string?]> = [
      [
        "an 11 MB file",
        upload({
          siteId,
          file: new File([new Uint8Array(11 * 1024 * 1024)], "big.png", { type: "image/png" }),
        }),
        413,
        "PAYLOAD_TOO_LARGE",
        attachmentSentences.tooLarge,
      ],
      [
        "one byte over 10 MB",
        upload({ siteId, file: new File([new Uint8Array(maxAttachmentBytes + 1)], "big.pdf") }),
        413,
        "PAYLOAD_TOO_LARGE",
        attachmentSentences.tooLarge,
      ],
      [
        "an .exe",
        upload({ siteId, file: new File(["MZ"], "setup.exe", { type: "application/x-msdownload" }) }),
        422,
        "VALIDATION_FAILED",
        attachmentSentences.wrongType,
      ],
      [
        "an executable named .png",
        upload({ siteId, file: new File(["MZ"], "cat.png", { type: "application/x-msdownload" }) }),
        422,
        "VALIDATION_FAILED",
        attachmentSentences.wrongType,
      ],
      ["an empty file", upload({ siteId, file: new File([], "empty.txt") }), 422, "VALIDATION_FAILED"],
      ["no file", upload({ siteId }), 400, "BAD_REQUEST"],
      ["no site", upload({ file: png() }), 400, "BAD_REQUEST"],
      ["a site not connected", upload({ siteId: foreignSiteId, file: png() }), 404, "NOT_FOUND"],
      ["signed out", upload({ siteId, file: png() }, {}), 401, "SESSION_REQUIRED"],
      [
        "a JSON body",
        suite.routes.uploads.POST(request("/api/uploads", { method: "POST", cookie, body: { siteId } }), {}),
        400,
        "BAD_REQUEST",
      ],
    ];
    for (const [what, answer, status, code, sentence] of refusals) {
      const refused = await answer;
      const body = (await refused.json()) as { error: string; code: string };
      expect([what, refused.status, body.code]).toEqual([what, status, code]);
      if (sentence) expect([what, body.error]).toEqual([what, sentence]);
    }

    await setRole("viewer");
    const viewer = await upload({ siteId, file: png() });
    expect([viewer.status, (await viewer.json()).code]).toEqual([403, "FORBIDDEN"]);
    await setRole("admin");
    expect(upstreamUploads()).toEqual([]);
  });
});
