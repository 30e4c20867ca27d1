import { Command } from "commander";
import { desc } from "drizzle-orm";
import { type Site, sites } from "@/db/schema";
import { siteAccessThrough } from "@/lib/keys/site-access";
import { type CliContext, printJson, printTable } from "./cli-context";

const siteJson = (site: Site) => ({
  id: site.id,
  name: site.name,
  url: site.url,
  account_slug: site.accountSlug,
  connected_by: site.connectedByUserId === null ? "service token" : "user",
  connected_at: site.connectedAt.toISOString(),
});

/** `npm run sites -- connect|list`, as the public CLI contract describes. */
export function sitesProgram(context: CliContext): Command {
  const program = new Command("sites").description("Connect Netlify sites to the board");

  program
    .command("connect")
    .description("put a site on the board, synced with the service token")
    .argument("<site_id>", "the Netlify site id")
    .option("--json", "print one JSON object")
    .action(async (siteId: string, options: { json?: boolean }) => {
      const site = await siteAccessThrough(context.db, context.netlify(), null)(siteId);
      if (options.json) return printJson(context, siteJson(site));
      context.out(`Connected ${site.name} (${site.id}).`);
    });

  program
    .command("list")
    .description("list the connected sites")
    .option("--json", "print a JSON array")
    .action(async (options: { json?: boolean }) => {
      const connected = await context.db.select().from(sites).orderBy(desc(sites.connectedAt));
      if (options.json) return printJson(context, connected.map(siteJson));
      if (connected.length === 0)
        return context.out("No sites connected yet. Connect one with: npm run sites -- connect <site_id>");
      printTable(
        context,
        ["ID", "NAME", "ACCOUNT", "CONNECTED BY", "CONNECTED"],
        connected.map((site) => {
          const row = siteJson(site);
          return [row.id, row.name, row.account_slug ?? "", row.connected_by, row.connected_at];
        }),
      );
    });

  return program;
}
