import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparedStatement } from "./prepared-statement";
import { storageBackends, type TestDatabase } from "./testing/backends";

const addOne = preparedStatement<{ n: number }, { value: number }>(
  "switchyard_test_add_one",
  sql`select ${sql.placeholder("value")}::int + 1 as n`,
);

for (const backend of storageBackends()) {
  describe(`prepared statements on ${backend.name}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await backend.create();
    }, 60_000);
    afterAll(async () => database?.dispose());

    it("runs one statement many times, on many connections at once, with each call's own values", async () => {
      const values = Array.from({ length: 24 }, (_, index) => index);
      const results = await Promise.all(values.map((value) => addOne(database.handle.db, { value })));
      expect(results.map((rows) => rows[0]?.n)).toEqual(values.map((value) => value + 1));
      expect((await addOne(database.handle.db, { value: 41 }))[0]?.n).toBe(42);
    });
  });
}
