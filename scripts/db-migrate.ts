/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
import { explainStartupFailure } from "@/lib/startup/explain";
import { prepareServer } from "@/lib/startup/prepare";

try {
  const { database, migration } = await prepareServer();
  console.info(
    migration.applied > 0
      ? `Applied ${migration.applied} migration(s) to ${database.location}; ${migration.total} in total.`
      : `Nothing to apply: ${database.location} already has all ${migration.total} migration(s).`,
  );
  await database.close();
} catch (error) {
  console.error(explainStartupFailure(error));
  process.exitCode = 1;
}
