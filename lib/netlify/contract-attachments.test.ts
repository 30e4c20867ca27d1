import { describe, expect, it } from "vitest";
import { apiError, useContractSimulator } from "./testing/contract-fixture";

describe("attachments contract: upload_url and delete_url", () => {
  const contract = useContractSimulator();

  async function demoAccountId(): Promise<string> {
    const [account] = await contract.client.accounts.list();
    if (!account) throw new Error("the demo token has no account");
    return account.id;
  }

  it("hands out an upload URL and a user-uploaded-content/{account_id}/{uuid}/{filename} key that runners then carry", async () => {
    const { client } = contract;
    const accountId = await demoAccountId();
    const upload = await client.attachments.uploadUrl({
      accountId,
      filename: "requirements.pdf",
      contentType: "application/pdf",
    });
    expect(upload.file_key).toMatch(
      new RegExp(
        `^user-uploaded-content/${accountId}/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}/requirements\\.pdf$`,
      ),
    );
    expect(URL.canParse(upload.upload_url)).toBe(true);

    const put = await fetch(upload.upload_url, {
      method: "PUT",
      headers: { "content-type": "application/pdf" },
      body: "%PDF-1.7 contract",
    });
    expect(put.status).toBe(200);

    const runner = await client.runners.create({
      siteId: await contract.siteId("aurora-storefront"),
      prompt: "Implement the attached requirements",
      fileKeys: [upload.file_key],
    });
    expect(runner.attached_file_keys).toEqual([upload.file_key]);
    const [session] = (await client.sessions.list(runner.id)).items;
    expect(session?.attached_file_keys).toEqual([upload.file_key]);
  });

  it("gives each upload its own key, and a follow-up's keys join the runner's attached_file_keys", async () => {
    const { client } = contract;
    const accountId = await demoAccountId();
    const params = { accountId, filename: "mockup.png", contentType: "image/png" };
    const first = await client.attachments.uploadUrl(params);
    const second = await client.attachments.uploadUrl(params);
    expect(second.file_key).not.toBe(first.file_key);

    const runner = await contract.finishedRunner("field-notes-blog");
    const followUp = await client.sessions.create(runner.id, {
      prompt: "Match the mockup",
      fileKeys: [second.file_key],
    });
    expect(followUp.attached_file_keys).toEqual([second.file_key]);
    expect((await client.runners.get(runner.id)).attached_file_keys).toContain(second.file_key);
  });

  it("refuses an upload URL with a missing field (400) or a file type outside the allowed list (422)", async () => {
    const { client } = contract;
    const accountId = await demoAccountId();
    const missing = await contract.raw("/agent_runners/upload_url", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ account_id: accountId, filename: "notes.md" }),
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "content_type is required" });
    expect(
      await apiError(client.attachments.uploadUrl({ accountId, filename: "", contentType: "text/plain" })),
    ).toMatchObject({ status: 400 });
    expect(
      await apiError(
        client.attachments.uploadUrl({
          accountId,
          filename: "tool.exe",
          contentType: "application/octet-stream",
        }),
      ),
    ).toMatchObject({ status: 422 });
  });

  it("hands out a delete URL for the account's own file key, which then deletes the upload", async () => {
    const { client } = contract;
    const accountId = await demoAccountId();
    const upload = await client.attachments.uploadUrl({
      accountId,
      filename: "notes.md",
      contentType: "text/markdown",
    });
    const deletion = await client.attachments.deleteUrl({ accountId, fileKey: upload.file_key });
    expect(deletion.file_key).toBe(upload.file_key);
    expect(URL.canParse(deletion.delete_url)).toBe(true);

    expect((await fetch(deletion.delete_url, { method: "DELETE" })).status).toBe(204);
    // Gone: the presigned upload URL no longer accepts the file.
    expect((await fetch(upload.upload_url, { method: "PUT", body: "late" })).status).toBe(403);
  });

  it("refuses a delete URL with 403 for another account's id or another account's file key", async () => {
    const { client } = contract;
    const accountId = await demoAccountId();
    const other = await contract.otherAccount("contract-other-token");
    const theirs = await other.client.attachments.uploadUrl({
      accountId: other.accountId,
      filename: "secret.txt",
      contentType: "text/plain",
    });
    expect(theirs.file_key.startsWith(`user-uploaded-content/${other.accountId}/`)).toBe(true);

    expect(
      await apiError(client.attachments.deleteUrl({ accountId: other.accountId, fileKey: theirs.file_key })),
    ).toMatchObject({ status: 403 });
    expect(
      await apiError(client.attachments.deleteUrl({ accountId, fileKey: theirs.file_key })),
    ).toMatchObject({
      status: 403,
    });
    expect(
      await apiError(
        client.attachments.uploadUrl({
          accountId: other.accountId,
          filename: "x.txt",
          contentType: "text/plain",
        }),
      ),
    ).toMatchObject({ status: 403 });
    const missing = await contract.raw("/agent_runners/delete_url", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ account_id: accountId }),
    });
    expect(missing.status).toBe(400);
  });
});
