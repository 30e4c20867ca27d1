import { json, requiredString, type SimContext, SimHttpError } from "../http";

const allowedExtensions = new Set(
  ".txt .md .html .json .yaml .yml .xml .csv .png .jpg .jpeg .gif .svg .webp .js .ts .css .scss .sass .less .py .java .rb .go .php .sql .pdf".split(
    " ",
  ),
);

function accountVisible(ctx: SimContext, accountId: string): void {
  if (!ctx.user.accountIds.includes(accountId))
    throw new SimHttpError(403, "You don't have access to this account");
}

// POST /agent_runners/upload_url {account_id, filename, content_type}
export function createUploadUrl(ctx: SimContext) {
  const accountId = requiredString(ctx, "account_id");
  const filename = requiredString(ctx, "filename");
  const contentType = requiredString(ctx, "content_type");
  accountVisible(ctx, accountId);
  const extension = filename.includes(".") ? filename.slice(filename.lastIndexOf(".")).toLowerCase() : "";
  if (!allowedExtensions.has(extension) || /[/\\]/.test(filename)) {
    throw new SimHttpError(422, "File type is not allowed");
  }
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(contentType))
    throw new SimHttpError(422, "content_type is not a valid media type");
  const fileKey = `user-uploaded-content/${accountId}/${ctx.store.random.uuid()}/${filename}`;
  ctx.store.uploads.set(fileKey, { accountId, contentType, bytes: 0 });
  return json({
    upload_url: `${ctx.origin}/__sim/uploads/${fileKey}?signature=${ctx.store.random.hex(32)}`,
    file_key: fileKey,
  });
}

// POST /agent_runners/delete_url {account_id, file_key}
export function createDeleteUrl(ctx: SimContext) {
  const accountId = requiredString(ctx, "account_id");
  const fileKey = requiredString(ctx, "file_key");
  accountVisible(ctx, accountId);
  if (!fileKey.startsWith(`user-uploaded-content/${accountId}/`)) {
    throw new SimHttpError(403, "The file does not belong to this account");
  }
  return json({
    delete_url: `${ctx.origin}/__sim/uploads/${fileKey}?signature=${ctx.store.random.hex(32)}`,
    file_key: fileKey,
  });
}
