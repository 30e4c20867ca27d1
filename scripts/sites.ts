/** `npm run --silent sites -- connect|list …` (the public CLI contract in the README). */
import { runCli } from "@/lib/cli/run-cli";
import { sitesProgram } from "@/lib/cli/sites-program";

process.exitCode = await runCli("sites", sitesProgram, process.argv.slice(2));
