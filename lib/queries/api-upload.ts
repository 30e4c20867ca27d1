import { ApiRequestError } from "./api-fetch";

export interface UploadOptions {
  /** Called as the body goes out, with the share sent so far (0 to 1). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Posts a form (a file) to one of the app's own endpoints, reporting upload progress, which
 * `fetch` cannot. Same-origin, so the session cookie and the Origin header (the CSRF check) go
 * along; a non-2xx answer throws with the server's `{error, code}`, an abort with an AbortError.
 */
export function apiUpload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const aborted = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    if (options.signal?.aborted) return aborted();
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    });
    xhr.addEventListener("abort", aborted);
    xhr.addEventListener("error", () =>
      reject(
        new ApiRequestError("The upload failed: check the network connection, then try again.", 0, undefined),
      ),
    );
    xhr.addEventListener("load", () => {
      let answer: { error?: string; code?: string } = {};
      try {
        answer = JSON.parse(xhr.responseText) as typeof answer;
      } catch {
        // A body that is not JSON (a proxy's error page) leaves the status to speak.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(answer as T);
      else
        reject(
          new ApiRequestError(answer.error ?? `The upload failed (${xhr.status}).`, xhr.status, answer.code),
        );
    });
    xhr.open("POST", path);
    xhr.send(form);
  });
}
