import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { Heading } from "@/components/ui/heading";

/**
 * Markdown the agent wrote (a session's result): untrusted. Raw HTML in it is never parsed
 * (react-markdown leaves it out without `rehype-raw`), and the tree is sanitized on top, so
 * links cannot run script and nothing can add event handlers or styles.
 */
export function AgentMarkdown({ markdown }: { markdown: string }) {
  return (
    <div className="agent-markdown text-sm leading-relaxed break-words">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize]}
        // The result sits under a session's heading: its own headings are demoted below it.
        components={{
          h1: ({ children }) => <Heading depth={2}>{children}</Heading>,
          h2: ({ children }) => <Heading depth={2}>{children}</Heading>,
          h3: ({ children }) => <Heading depth={3}>{children}</Heading>,
          h4: ({ children }) => <Heading depth={4}>{children}</Heading>,
          h5: ({ children }) => <Heading depth={4}>{children}</Heading>,
          // An image would be fetched from wherever the agent pointed, by every viewer: a link instead.
          img: ({ src, alt }) =>
            typeof src === "string" ? (
              <a href={src} target="_blank" rel="noreferrer nofollow" className="text-link underline">
                {alt || "Image"}
              </a>
            ) : null,
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noreferrer nofollow" className="text-link underline">
              {children}
            </a>
          ),
        }}
      >
        {markdown}
      </ReactMarkdown>
    </div>
  );
}
