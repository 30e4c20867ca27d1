import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/** One fenced ```bash block of the contract that runs `curl`, under the heading it documents. */
export interface CurlExample {
  heading: string;
  command: string;
  /** The method and path template it calls, e.g. `POST /agent_runners/{runner_id}/commit`. */
  endpoint: string;
}

/** The placeholders the contract's examples use, exactly as the contract spells them. */
export const docPlaceholders = {
  baseUrl: "https://<your-app>.netlify.app/api/proxy",
  apiKey: "oc_abc123...",
} as const;

interface FencedBlock {
  heading: string;
  language: string;
  text: string;
}

/** The fenced code blocks of a Markdown document, each with the nearest heading above it. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let heading = "";
  let open: { language: string; lines: string[] } | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const fence = /^```\s*([\w-]*)\s*$/.exec(line);
    if (open) {
      if (fence && fence[1] === "") {
        blocks.push({ heading, language: open.language, text: open.lines.join("\n") });
        open = undefined;
      } else open.lines.push(line);
    } else if (fence) open = { language: fence[1] ?? "", lines: [] };
    else if (/^#{1,6}\s/.test(line)) heading = line.replace(/^#+\s*/, "").trim();
  }
  if (open) throw new Error(`An unclosed code fence under "${heading}"`);
  return blocks;
}

/** Every ```bash block that runs curl, with the endpoint it calls read from its method and URL. */
export function curlExamples(markdown: string): CurlExample[] {
  return fencedBlocks(markdown)
    .filter((block) => block.language === "bash" && /(^|\s)curl\s/.test(block.text))
    .map((block) => ({ heading: block.heading, command: block.text, endpoint: endpointOf(block.text) }));
}

/** How many commands of the document start with `curl`, counted without parsing fences. */
export const curlCommandCount = (markdown: string) => markdown.match(/^curl\s/gm)?.length ?? 0;

/** A JSON example of the document: the first ```json block under `heading`. */
export function jsonExampleUnder(markdown: string, heading: string): unknown {
  const block = fencedBlocks(markdown).find((each) => each.heading === heading && each.language === "json");
  if (!block) throw new Error(`No JSON example under "${heading}"`);
  return JSON.parse(block.text);
}

function endpointOf(command: string): string {
  const url = command
    .split(/\s+/)
    .find((word) => word.startsWith(docPlaceholders.baseUrl) || word.startsWith("$BASE_URL"));
  if (!url) throw new Error(`No proxy URL in the example:\n${command}`);
  const path = url
    .replace(docPlaceholders.baseUrl, "")
    .replace("$BASE_URL", "")
    .replace(/\$?RUNNER_ID/g, "{runner_id}");
  const method =
    /(?:^|\s)-X\s+([A-Z]+)/.exec(command)?.[1] ?? (/\s(-d|--data)\s/.test(command) ? "POST" : "GET");
  return `${method} ${path}`;
}

/** What stands in for the contract's placeholders when an example runs. */
export interface ExampleValues {
  baseUrl: string;
  apiKey: string;
  runnerId?: string;
  /** The runner's `pr_branch`, in place of the example's own branch name in `target_branch`. */
  prBranch?: string;
}

export interface CurlRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  status: number;
  /** The response headers, names in lower case. */
  headers: Record<string, string>;
}

const run = promisify(execFile);

/**
 * Runs the example with the real curl binary, word for word but for its placeholders: the
 * literal ones are replaced in the text, `$API_KEY`, `$BASE_URL` and `$RUNNER_ID` are set in the
 * environment as a reader would set them. The status and headers come from a curlrc of a fresh
 * CURL_HOME (`dump-header`), so the command line itself stays as the contract prints it.
 */
export async function runCurlExample(example: CurlExample, values: ExampleValues): Promise<CurlRun> {
  let command = example.command
    .replaceAll(docPlaceholders.baseUrl, values.baseUrl)
    .replaceAll(docPlaceholders.apiKey, values.apiKey);
  if (values.runnerId) command = command.replace(/(?<!\$)\bRUNNER_ID\b/g, values.runnerId);
  if (values.prBranch) command = command.replace(/("target_branch":\s*")[^"]*"/, `$1${values.prBranch}"`);
  if (command.includes("<your-app>") || /(?<!\$)\bRUNNER_ID\b/.test(command))
    throw new Error(`A placeholder the test does not fill is left in:\n${command}`);

  const curlHome = mkdtempSync(join(tmpdir(), "switchyard-curl-"));
  const headerFile = join(curlHome, "headers.txt");
  writeFileSync(join(curlHome, ".curlrc"), `silent\nshow-error\ndump-header = "${headerFile}"\n`);
  try {
    // Only what a reader's shell would hold for the example (Next's types make NODE_ENV required).
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: "test",
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      CURL_HOME: curlHome,
      HOME: curlHome,
      API_KEY: values.apiKey,
      BASE_URL: values.baseUrl,
      RUNNER_ID: values.runnerId ?? "",
    };
    const { exitCode, stdout, stderr } = await run("bash", ["-c", command], { env, timeout: 30_000 }).then(
      (result) => ({ exitCode: 0, ...result }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        exitCode: typeof error.code === "number" ? error.code : -1,
        stdout: error.stdout ?? "",
        stderr: error.stderr ?? "",
      }),
    );
    // No header file: curl never got an answer (its stderr says why).
    const dump = existsSync(headerFile) ? readFileSync(headerFile, "utf8") : "";
    return { exitCode, stdout, stderr, ...lastResponseHead(dump) };
  } finally {
    rmSync(curlHome, { recursive: true, force: true });
  }
}

/** The status and headers of the final response in a `dump-header` file (after any 100 Continue). */
function lastResponseHead(dump: string): { status: number; headers: Record<string, string> } {
  const head =
    dump
      .trim()
      .split(/\r?\n\r?\n/)
      .at(-1) ?? "";
  const [statusLine = "", ...lines] = head.split(/\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(/^HTTP\/[\d.]+ (\d{3})/.exec(statusLine)?.[1] ?? 0), headers };
}
