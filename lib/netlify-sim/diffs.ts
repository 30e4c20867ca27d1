import type { SimRandom } from "./random";

/*
 * Unified diffs that look like real code changes. Each session changes a few files; the
 * cumulative diff of a session is the latest version of every file changed so far.
 */

export interface FileChange {
  path: string;
  patch: string;
}

function componentName(title: string): string {
  const words = title
    .replace(/[^A-Za-z0-9\s]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .slice(1, 3);
  return (
    words.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join("") || "Feature"
  );
}

function newFile(path: string, lines: string[]): FileChange {
  return {
    path,
    patch: [
      `diff --git a/${path} b/${path}`,
      "new file mode 100644",
      `index 0000000..${hash7(path)}`,
      "--- /dev/null",
      `+++ b/${path}`,
      `@@ -0,0 +1,${lines.length} @@`,
      ...lines.map((line) => `+${line}`),
    ].join("\n"),
  };
}

function modifiedFile(
  path: string,
  start: number,
  hunk: { leading: string[]; removed: string[]; added: string[]; trailing: string[] },
): FileChange {
  const { leading, removed, added, trailing } = hunk;
  const before = leading.length + removed.length + trailing.length;
  const after = leading.length + added.length + trailing.length;
  return {
    path,
    patch: [
      `diff --git a/${path} b/${path}`,
      `index ${hash7(`${path}-a`)}..${hash7(`${path}-b`)} 100644`,
      `--- a/${path}`,
      `+++ b/${path}`,
      `@@ -${start},${before} +${start},${after} @@`,
      ...leading.map((line) => ` ${line}`),
      ...removed.map((line) => `-${line}`),
      ...added.map((line) => `+${line}`),
      ...trailing.map((line) => ` ${line}`),
    ].join("\n"),
  };
}

function binaryFile(path: string): FileChange {
  return {
    path,
    patch: [
      `diff --git a/${path} b/${path}`,
      "new file mode 100644",
      `index 0000000..${hash7(path)}`,
      `Binary files /dev/null and b/${path} differ`,
    ].join("\n"),
  };
}

function hash7(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, "0").slice(0, 7);
}

/** The files one session changes, derived from its title. */
export function sessionChanges(random: SimRandom, title: string): FileChange[] {
  const name = componentName(title);
  const slug = name.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
  const changes = [
    newFile(`src/components/${name}.tsx`, [
      `import styles from "./${name}.module.css";`,
      "",
      `export function ${name}() {`,
      "  return (",
      `    <section className={styles.root} aria-labelledby="${slug}-heading">`,
      `      <h2 id="${slug}-heading">${title}</h2>`,
      "    </section>",
      "  );",
      "}",
    ]),
    modifiedFile("src/pages/index.tsx", random.int(1, 12), {
      leading: ['import { Layout } from "../components/Layout";'],
      removed: ["", "export default function Home() {", "  return <Layout />;"],
      added: [
        `import { ${name} } from "../components/${name}";`,
        "",
        "export default function Home() {",
        "  return (",
        "    <Layout>",
        `      <${name} />`,
        "    </Layout>",
        "  );",
      ],
      trailing: ["}"],
    }),
  ];
  if (random.chance(0.6)) {
    changes.push(
      newFile(`src/components/${name}.module.css`, [
        ".root {",
        "  display: grid;",
        "  gap: var(--space-3);",
        "  padding-block: var(--space-6);",
        "}",
      ]),
    );
  }
  if (random.chance(0.25)) changes.push(binaryFile(`public/images/${slug}.png`));
  return changes;
}

export function renderDiff(changes: FileChange[]): string {
  return changes.length === 0 ? "" : `${changes.map((change) => change.patch).join("\n")}\n`;
}

/** Splits a unified diff into its per-file sections. */
export function splitDiff(diff: string): FileChange[] {
  return diff
    .split(/(?=^diff --git )/m)
    .filter((section) => section.startsWith("diff --git "))
    .map((section) => ({
      path: /^diff --git a\/(\S+)/.exec(section)?.[1] ?? "",
      patch: section.replace(/\n$/, ""),
    }));
}

export function isBinaryChange(change: FileChange): boolean {
  return /^Binary files /m.test(change.patch) || /^GIT binary patch/m.test(change.patch);
}

/** Later sessions' versions of a file replace earlier ones. */
export function mergeChanges(earlier: FileChange[], later: FileChange[]): FileChange[] {
  const byPath = new Map(earlier.map((change) => [change.path, change]));
  for (const change of later) byPath.set(change.path, change);
  return [...byPath.values()];
}

/** Largest file a padded diff holds: big diffs are many big files, as in a vendored dependency. */
const PADDED_FILE_BYTES = 1024 * 1024;
const PADDING_LINE = `// ${"-".repeat(76)}`;

/**
 * A diff of new files of at most `bytes` bytes in all, short by less than a line per file (one
 * file at least), far larger than sessions make: for benchmarks of how clients stream a diff.
 */
export function paddedDiff(bytes: number): string {
  const changes: FileChange[] = [];
  let size = 0;
  for (;;) {
    const path = `vendor/padding/file-${changes.length}.js`;
    const room = Math.min(bytes - size, PADDED_FILE_BYTES);
    // `+1,0` in the header grows by the line count's extra digits; one newline follows the file.
    const header = newFile(path, []).patch.length + String(Math.ceil(room / 80)).length;
    const lines = Math.floor((room - header) / (PADDING_LINE.length + 2));
    if (lines < 1 && changes.length > 0) break;
    const change = newFile(path, new Array(Math.max(1, lines)).fill(PADDING_LINE));
    changes.push(change);
    size += change.patch.length + 1;
  }
  return renderDiff(changes);
}

const wideKinds = [
  {
    extension: "ts",
    removed: (n: number) => `export const limit${n} = ${n};`,
    added: (n: number) => `export const limit${n} = ${n * 2}; // doubled for the new plan`,
  },
  {
    extension: "css",
    removed: (n: number) => `.card-${n} { padding: ${n % 16}px; }`,
    added: (n: number) => `.card-${n} { padding: ${n % 16}px; color: var(--ink); }`,
  },
  {
    extension: "md",
    removed: (n: number) => `- Step ${n}: run the old script`,
    added: (n: number) => `- Step ${n}: run \`npm run build\` and check the output`,
  },
] as const;

/**
 * A diff of `files` modified files of `changedLines` changed lines each (half removed, half
 * added, between context lines), across many folders and a few languages: the shape of a large
 * refactor, for benchmarks of how a client shows a diff of thousands of files.
 */
export function wideDiff(files: number, changedLines: number): string {
  const changes: FileChange[] = [];
  const half = Math.max(1, Math.floor(changedLines / 2));
  for (let index = 0; index < files; index++) {
    const kind = wideKinds[index % wideKinds.length] ?? wideKinds[0];
    const path = `src/area-${Math.floor(index / 100)}/module-${index}.${kind.extension}`;
    const numbers = Array.from({ length: half }, (_, line) => index * 1000 + line);
    changes.push(
      modifiedFile(path, 10, {
        leading: [`// module ${index}`, ""],
        removed: numbers.map(kind.removed),
        added: numbers.map(kind.added).concat(changedLines % 2 ? [kind.added(index * 1000 + half)] : []),
        trailing: ["", `// end of module ${index}`],
      }),
    );
  }
  return renderDiff(changes);
}
