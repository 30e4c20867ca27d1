import { describe, expect, it } from "vitest";
import { highlightLines } from "./highlight-lines";
import { languageOf } from "./languages";

describe("highlightLines", () => {
  it("splits a line into classed spans whose text is the line, markup and all", () => {
    const [tokens] = highlightLines("typescript", ["const tag = '<img src=x onerror=alert(1)>';"]);
    expect(tokens?.map(([, text]) => text).join("")).toBe("const tag = '<img src=x onerror=alert(1)>';");
    expect(tokens).toContainEqual(["hljs-keyword", "const"]);
    expect(tokens).toContainEqual(["hljs-string", "'<img src=x onerror=alert(1)>'"]);
  });

  it("leaves lines plain for a language it does not load, and very long lines", () => {
    expect(highlightLines("cobol", ["MOVE A TO B."])).toEqual([[["", "MOVE A TO B."]]]);
    const long = `const x = "${"y".repeat(2_000)}";`;
    expect(highlightLines("typescript", [long])).toEqual([[["", long]]]);
  });
});

describe("languageOf", () => {
  it.each([
    ["src/app.tsx", "typescript"],
    ["styles/site.SCSS", "scss"],
    ["Makefile", "makefile"],
    ["README", undefined],
    ["image.png", undefined],
  ] as const)("%s → %s", (path, language) => {
    expect(languageOf(path)).toBe(language);
  });
});
