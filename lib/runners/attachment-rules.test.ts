import { describe, expect, it } from "vitest";
import { attachmentAccept, checkAttachment, formatBytes, maxAttachmentBytes } from "./attachment-rules";
import { storedFileName } from "./upload-attachment";

describe("attachment rules, shared by the dialog and POST /api/uploads", () => {
  it.each([
    ["diagram.png", "image/png", "image/png"],
    ["PHOTO.JPG", "image/jpeg", "image/jpeg"],
    ["photo.jpeg", "", "image/jpeg"],
    ["loop.gif", "image/gif", "image/gif"],
    ["shot.webp", "image/webp", "image/webp"],
    ["spec.pdf", "application/pdf", "application/pdf"],
    ["notes.txt", "text/plain", "text/plain"],
    ["README.md", "", "text/markdown"],
    ["README.md", "text/markdown", "text/markdown"],
    ["data.json", "application/octet-stream", "application/json"],
  ])("takes %s (declared %j) as %s, the type its ending names", (name, type, contentType) => {
    expect(checkAttachment({ name, type, size: 10 })).toEqual({ ok: true, contentType });
  });

  it.each([
    ["setup.exe", "application/x-msdownload"],
    ["cat.png", "application/x-msdownload"],
    ["page.html", "text/html"],
    ["no-ending", "image/png"],
    ["vector.svg", "image/svg+xml"],
  ])("refuses %s (declared %s)", (name, type) => {
    expect(checkAttachment({ name, type, size: 10 })).toMatchObject({ ok: false, problem: "wrong_type" });
  });

  it("refuses files over 10 MB and empty ones, and takes exactly 10 MB", () => {
    const file = (size: number) => checkAttachment({ name: "a.pdf", type: "application/pdf", size });
    expect(file(maxAttachmentBytes)).toMatchObject({ ok: true });
    expect(file(maxAttachmentBytes + 1)).toMatchObject({ ok: false, problem: "too_large" });
    expect(file(0)).toMatchObject({ ok: false, problem: "empty" });
  });

  it("offers the picker every type and ending, and states sizes briefly", () => {
    expect(attachmentAccept).toContain("image/png");
    expect(attachmentAccept).toContain(".md");
    expect([formatBytes(200), formatBytes(830 * 1024), formatBytes(2.5 * 1024 * 1024)]).toEqual([
      "1 KB",
      "830 KB",
      "2.5 MB",
    ]);
  });

  it("stores files under names of letters, digits, dots, dashes and underscores only", () => {
    expect(storedFileName("Screen shot 1.PNG")).toBe("Screen-shot-1.png");
    expect(storedFileName("../../etc/passwd.txt")).toBe("etc-passwd.txt");
    expect(storedFileName("résumé (final).pdf")).toBe("resume-final.pdf");
    expect(storedFileName("???.md")).toBe("attachment.md");
  });
});
