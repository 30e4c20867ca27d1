import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AgentMarkdown } from "./agent-markdown";

/* A session's result is the agent's own text: Markdown is formatted, anything that could run is not. */

const render = (markdown: string) => renderToStaticMarkup(<AgentMarkdown markdown={markdown} />);

describe("AgentMarkdown", () => {
  it("formats Markdown: headings under the session's, lists, code and tables", () => {
    const html = render("# Summary\n\n- one\n- `two`\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<h4>Summary</h4>");
    expect(html).toContain("<li><code>two</code></li>");
    expect(html).toContain("<table>");
  });

  it("never lets raw HTML, script URLs or event handlers through", () => {
    const html = render(
      [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(2)">',
        "[click](javascript:alert(3))",
        '<a href="https://example.com" onclick="alert(4)">raw link</a>',
        "![pixel](https://tracker.example/p.png)",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<img[^>]*onerror/i);
    expect(html).not.toContain('<a href="https://example.com"');
    // An image becomes a link: nothing is fetched from where the agent pointed.
    expect(html).not.toContain("<img");
    expect(html).toContain(">pixel</a>");
  });

  it("opens links in a new tab without handing the page over", () => {
    expect(render("[docs](https://docs.netlify.com)")).toBe(
      '<div class="agent-markdown text-sm leading-relaxed break-words"><p><a href="https://docs.netlify.com" target="_blank" rel="noreferrer nofollow" class="text-link underline">docs</a></p></div>',
    );
  });
});
