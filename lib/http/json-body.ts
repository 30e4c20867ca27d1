import type { z } from "zod";
import { ApiError } from "./api-error";
import { parseInput } from "./validation";

/** The default cap on a JSON request body: far above any body the API takes, far below a memory problem. */
export const defaultMaxBodyBytes = 1024 * 1024;

export interface ReadBodyOptions {
  maxBytes?: number;
}

/**
 * Reads and parses a JSON request body. The size is counted on the stream as it arrives, because
 * `Content-Length` may be absent (chunked) or lie; a declared length over the cap is refused
 * before reading. Neither error echoes any of the body.
 */
export async function readJsonBody(request: Request, options: ReadBodyOptions = {}): Promise<unknown> {
  const bytes = await readBodyBytes(request, options);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError("BAD_REQUEST", "The request body is not valid UTF-8.");
  }
  if (text.trim() === "")
    throw new ApiError("BAD_REQUEST", "The request body is empty; send a JSON document.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

/** Reads the JSON body and validates it against `schema` (400/422 as `parseInput` decides). */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  options?: ReadBodyOptions,
): Promise<z.output<S>> {
  return parseInput(schema, await readJsonBody(request, options), "request body");
}

/**
 * The request body's bytes, counted on the stream as they arrive and refused past
 * `maxBytes` (413, with `tooLargeMessage` when given); a declared length over the cap is
 * refused before reading.
 */
export async function readBodyBytes(
  request: Request,
  options: ReadBodyOptions & { tooLargeMessage?: string } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const maxBytes = options.maxBytes ?? defaultMaxBodyBytes;
  const refusal = () =>
    options.tooLargeMessage ? new ApiError("PAYLOAD_TOO_LARGE", options.tooLargeMessage) : tooLarge(maxBytes);
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) throw refusal();
  return readLimited(request.body, maxBytes, refusal);
}

async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  refusal: () => ApiError,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stop the upload: reading on would let a client make us buffer without bound.
      await reader.cancel().catch(() => {});
      throw refusal();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError("PAYLOAD_TOO_LARGE", `The request body is larger than the limit of ${maxBytes} bytes.`);
}
