/*
 * The highlighting language of a file, by its name; only languages of lowlight's `common` set,
 * which the highlighter loads. A file of any other kind is shown plain.
 */

const byExtension: Record<string, string> = {
  ts: "typescript",
  tsx: "typescript",
  mts: "typescript",
  cts: "typescript",
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  json: "json",
  css: "css",
  scss: "scss",
  less: "less",
  md: "markdown",
  mdx: "markdown",
  html: "xml",
  htm: "xml",
  xml: "xml",
  svg: "xml",
  vue: "xml",
  yml: "yaml",
  yaml: "yaml",
  toml: "ini",
  ini: "ini",
  py: "python",
  rb: "ruby",
  go: "go",
  rs: "rust",
  java: "java",
  kt: "kotlin",
  swift: "swift",
  php: "php",
  sql: "sql",
  sh: "bash",
  bash: "bash",
  c: "c",
  h: "c",
  cpp: "cpp",
  cs: "csharp",
  graphql: "graphql",
};

const byName: Record<string, string> = {
  Makefile: "makefile",
};

export function languageOf(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (byName[name]) return byName[name];
  const dot = name.lastIndexOf(".");
  return dot > 0 ? byExtension[name.slice(dot + 1).toLowerCase()] : undefined;
}
