/** `npm run --silent keys -- create|list|revoke …` (the public CLI contract in the README). */
import { keysProgram } from "@/lib/cli/keys-program";
import { runCli } from "@/lib/cli/run-cli";

process.exitCode = await runCli("keys", keysProgram, process.argv.slice(2));
