import { database } from "@/lib/database";
import { explainStartupFailure } from "./explain";
import { prepareServer } from "./prepare";

/** Start-up of a Next.js server instance: a failure ends the process with one clear line. */
export async function prepareAppServer(): Promise<void> {
  try {
    await prepareServer({ database: await database() });
  } catch (error) {
    console.error(explainStartupFailure(error));
    process.exit(1);
  }
}
