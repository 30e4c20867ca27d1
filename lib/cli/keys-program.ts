import { Command, Option } from "commander";
import { apiKeyScopes } from "@/db/schema";
import { parseExpiresIn } from "@/lib/keys/key-expiry";
import { type KeySummary, keyStatus } from "@/lib/keys/key-summary";
import { listKeys, revokeKey } from "@/lib/keys/manage-keys";
import { mintKey } from "@/lib/keys/mint-key";
import { siteAccessThrough } from "@/lib/keys/site-access";
import { type CliContext, printJson, printTable } from "./cli-context";

const service = { kind: "service" } as const;
const isoOrNever = (date: Date | null) => date?.toISOString() ?? "never";

/** The JSON a script reads: snake_case like the rest of the public API, never a hash. */
const keyJson = (key: KeySummary) => ({
  id: key.id,
  name: key.name,
  display_prefix: key.displayPrefix,
  site_id: key.siteId,
  scopes: key.scopes,
  status: keyStatus(key),
  created_at: key.createdAt.toISOString(),
  expires_at: key.expiresAt?.toISOString() ?? null,
  revoked_at: key.revokedAt?.toISOString() ?? null,
  last_used_at: key.lastUsedAt?.toISOString() ?? null,
  request_count: key.requestCount,
});

/** `npm run keys -- create|list|revoke`, as the public CLI contract describes. */
export function keysProgram(context: CliContext): Command {
  const program = new Command("keys").description("Mint, list and revoke scoped oc_ API keys for the proxy");

  program
    .command("create")
    .description("mint a key for one site; the plaintext is printed exactly once")
    .requiredOption("--site <site_id>", "the Netlify site the key is for (it is connected if it is not yet)")
    .requiredOption("--scopes <scopes>", `comma-separated: ${apiKeyScopes.join(",")}`)
    .option("--name <label>", "a name to recognise the key by", "CLI key")
    .option("--expires-in <duration>", "lifetime such as 90s, 12h or 30d (default: never)")
    .option("--json", "print one JSON object")
    .action(
      async (options: { site: string; scopes: string; name: string; expiresIn?: string; json?: boolean }) => {
        const expiresAt = options.expiresIn ? new Date(Date.now() + parseExpiresIn(options.expiresIn)) : null;
        const { key, summary } = await mintKey(
          context.db,
          {
            actor: service,
            name: options.name,
            siteId: options.site,
            scopes: options.scopes.split(","),
            expiresAt,
          },
          siteAccessThrough(context.db, context.netlify(), null),
        );
        if (options.json) return printJson(context, { ...keyJson(summary), key });
        context.out(`Created key "${summary.name}" (${summary.id}) for site ${summary.siteId}`);
        context.out(`Scopes: ${summary.scopes.join(", ")}; expires: ${isoOrNever(summary.expiresAt)}`);
        context.out("");
        context.out(`  ${key}`);
        context.out("");
        context.out("This is the only time the key is shown. Store it now.");
      },
    );

  program
    .command("list")
    .description("list keys (never their secrets)")
    .option("--site <site_id>", "only the keys of this site")
    .option("--json", "print a JSON array")
    .action(async (options: { site?: string; json?: boolean }) => {
      const keys = await listKeys(context.db, service, { siteId: options.site });
      if (options.json) return printJson(context, keys.map(keyJson));
      if (keys.length === 0)
        return context.out(
          "No keys yet. Mint one with: npm run keys -- create --site <site_id> --scopes agent_runners:read",
        );
      printTable(
        context,
        ["ID", "NAME", "PREFIX", "SITE", "SCOPES", "STATUS", "EXPIRES", "LAST USED"],
        keys.map((key) => [
          key.id,
          key.name,
          key.displayPrefix,
          key.siteId,
          key.scopes.join(","),
          keyStatus(key),
          isoOrNever(key.expiresAt),
          key.lastUsedAt?.toISOString() ?? "never",
        ]),
      );
    });

  program
    .command("revoke")
    .description("revoke a key at once and for good")
    .argument("<key_id>", "the id `keys list` shows")
    .addOption(new Option("--json", "print one JSON object"))
    .action(async (keyId: string, options: { json?: boolean }) => {
      const revoked = await revokeKey(context.db, service, keyId);
      if (options.json) return printJson(context, keyJson(revoked));
      context.out(`Revoked key "${revoked.name}" (${revoked.id}).`);
    });

  return program;
}
