/** `npm run sim -- [--port 8787] [--token <token>] [--seed demo|empty] [--speed <factor>] [--team on|off]` */
import { parseArgs } from "node:util";
import { z } from "zod";
import { startSimulator } from "@/lib/netlify-sim/server";

const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(8787),
  host: z.string().default("127.0.0.1"),
  token: z.string().min(1).optional(),
  seed: z.enum(["demo", "empty"]).default("demo"),
  speed: z.coerce.number().min(0).max(10_000).default(1),
  // The demo team keeps the demo seed busy; off gives a world that changes only when asked.
  team: z.enum(["on", "off"]).optional(),
});

let args: z.infer<typeof argsSchema>;
try {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      token: { type: "string" },
      seed: { type: "string" },
      speed: { type: "string" },
      team: { type: "string" },
    },
    strict: true,
  });
  args = argsSchema.parse(values);
} catch (error) {
  const message =
    error instanceof z.ZodError
      ? error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("; ")
      : (error as Error).message;
  console.error(
    `sim: ${message}\nusage: npm run sim -- [--port 8787] [--token <token>] [--seed demo|empty] [--speed <factor>] [--team on|off]`,
  );
  process.exit(2);
}

try {
  const team = args.team === undefined ? args.seed === "demo" : args.team === "on";
  const simulator = await startSimulator({ ...args, team });
  console.info(`Netlify simulator listening on ${simulator.apiUrl}`);
  console.info(`  token: ${simulator.token}${args.token ? "" : " (generated; pass --token to choose one)"}`);
  console.info(
    `  seed: ${args.seed}, clock speed: ${args.speed}×, team: ${team ? "on" : "off"}, controls: ${simulator.origin}/__sim/`,
  );
  const stop = () => void simulator.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(`sim: cannot start: ${(error as Error).message}`);
  process.exit(1);
}
