import { ApiError } from "@/lib/http/api-error";

/** The ApiError (or error of `type`) a call fails with; fails the test if it succeeds or throws anything else. */
export async function refusal(call: Promise<unknown>): Promise<ApiError>;
export async function refusal<E extends Error>(
  call: Promise<unknown>,
  type: new (...args: never) => E,
): Promise<E>;
export async function refusal(
  call: Promise<unknown>,
  type: new (...args: never) => Error = ApiError,
): Promise<Error> {
  try {
    await call;
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}, but the call succeeded`);
}
