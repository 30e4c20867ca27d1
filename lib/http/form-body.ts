import { ApiError } from "./api-error";
import { type ReadBodyOptions, readBodyBytes } from "./json-body";

/**
 * Reads a `multipart/form-data` body (a file upload) within `maxBytes`. The bytes are counted
 * on the stream first, as for JSON: `request.formData()` would buffer whatever a client sends.
 */
export async function readFormBody(
  request: Request,
  options: ReadBodyOptions & { tooLargeMessage?: string },
): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType))
    throw new ApiError("BAD_REQUEST", "Send the request body as multipart/form-data.");
  const bytes = await readBodyBytes(request, options);
  try {
    return await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new ApiError("BAD_REQUEST", "The request body is not valid multipart/form-data.");
  }
}
