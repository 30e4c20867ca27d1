import { z } from "zod";

/** Building blocks of the wire schemas. */

export const timestamp = z.iso.datetime({ offset: true });
export const nullableString = z.string().nullable();

/** A string whose documented values are typed while any other non-empty value passes through raw. */
export const openString = <Known extends string>() =>
  z
    .string()
    .min(1)
    .transform((value): Known | (string & {}) => value);
