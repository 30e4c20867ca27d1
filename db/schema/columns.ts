import { sql } from "drizzle-orm";
import { timestamp } from "drizzle-orm/pg-core";

/** Every timestamp is stored with its time zone; the upstream speaks UTC ISO-8601. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => timestamptz("created_at").notNull().defaultNow();

export const updatedAt = () =>
  timestamptz("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => sql`now()`);

/** `'a', 'b'` for a partial index predicate, which takes literals, not bind parameters. */
export const sqlStringList = (values: readonly string[]) =>
  sql.raw(values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", "));
