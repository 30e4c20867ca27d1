import type { AuthorizationPrompt, QuestionPrompt } from "./model";
import type { SimRandom } from "./random";

/** Plausible words for the simulated agent: what it works on, what it says, what it changes. */

export const demoPrompts = [
  "Add a contact form to the homepage with name, email and message fields",
  "Enable dark mode support across the site, following the system setting",
  "Fix the broken mobile navigation menu on small screens",
  "Add form validation to the newsletter signup",
  "Replace the hero image with a responsive picture element",
  "Speed up the product list page by lazy-loading images",
  "Add an RSS feed for the blog",
  "Write unit tests for the cart total calculation",
  "Add a 404 page that links back to the most popular articles",
  "Show a cookie consent banner that remembers the choice",
  "Migrate the pricing table to CSS grid",
  "Add Open Graph meta tags to every page",
  "Make the search box accessible with a proper label and keyboard support",
  "Add a changelog page generated from the markdown files in /content/changelog",
  "Fix the footer links that point to the old domain",
  "Add a loading skeleton to the dashboard cards",
];

export const followUpPrompts = [
  "Also add a toggle button in the header",
  "Add email validation to the form",
  "Please also cover this with a test",
  "Use the brand colours from the design tokens instead",
  "Make it work without JavaScript too",
];

export const agentModels: Record<string, string[]> = {
  claude: ["claude-opus-4-8", "claude-sonnet-4-6"],
  codex: ["gpt-5.6-sol", "gpt-5.5-codex"],
  gemini: ["gemini-3.1-pro-preview", "gemini-3-flash"],
};

const politeWords = new Set(["please", "also", "kindly"]);
const slugFillers = new Set(["a", "an", "the", "to", "with", "and", "that", "for", "of", "on", "in"]);

const clauseBreaks = new Set(["with", "that", "by", "so", "which", "and", "using", "when", "where", "on"]);
const danglingWords = new Set([...slugFillers, "every", "across", "from", "by", "into", "at"]);

/** Upstream derives a short title from the prompt (it is not the prompt itself): its first clause, briefly. */
export function titleFromPrompt(prompt: string): string {
  const firstClause = prompt.split(/[,.;:!?]/)[0] ?? prompt;
  const words = firstClause
    .replace(/[^\p{L}\p{N}\s/-]/gu, " ")
    .split(/\s+/)
    .filter((word) => word && !politeWords.has(word.toLowerCase()));
  const clauseEnd = words.findIndex((word, index) => index >= 3 && clauseBreaks.has(word.toLowerCase()));
  const kept = words.slice(0, clauseEnd > 0 ? Math.min(clauseEnd, 8) : 8);
  while (kept.length > 1 && danglingWords.has((kept.at(-1) ?? "").toLowerCase())) kept.pop();
  const title = kept.join(" ") || "Untitled change";
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** A URL-safe slug of a title, as used in `agent-<slug>-<hex>` branch names. */
export function slugify(text: string, maxWords = 4): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9\s-]/g, " ")
      .split(/\s+/)
      .filter((word) => word && !slugFillers.has(word) && !politeWords.has(word))
      .slice(0, maxWords)
      .join("-") || "change"
  );
}

export function stepTitles(random: SimRandom, files: string[]): string[] {
  const first = files[0] ?? "src/index.ts";
  return [
    "Configuring environment",
    "Read `AGENTS.md`",
    `Read \`${first}\``,
    random.pick(["Search for existing components", "Inspect the project structure", "Read `package.json`"]),
    ...files.map((file) => `Edit \`${file}\``),
    random.pick(["Run `npm test`", "Run `npm run build`", "Run `npm run lint`"]),
    `Run \`git add ${files.join(" ")}\``,
  ];
}

export function resultMarkdown(title: string, files: string[]): string {
  return [
    `# ${title}`,
    "",
    "## Summary",
    `I made the change in ${files.length} file${files.length === 1 ? "" : "s"} and checked that the site still builds.`,
    "",
    "## Changes",
    ...files.map((file) => `- \`${file}\``),
    "",
    "## How to verify",
    "Open the deploy preview and try the change on a narrow and a wide screen.",
  ].join("\n");
}

export function errorMarkdown(random: SimRandom): string {
  const reason = random.pick([
    "The build failed: `npm run build` exited with code 1 (Type error in `src/pages/index.tsx`).",
    "The agent ran out of time before the tests passed.",
    "The dev server did not start: port 8888 was already in use.",
  ]);
  return `# Could not complete the task\n\n${reason}\n\nSend a follow-up to try again.`;
}

export const questionBank: QuestionPrompt[] = [
  {
    question: "Should submissions be emailed to you or stored with Netlify Forms?",
    options: ["Email", "Netlify Forms"],
  },
  {
    question: "Which pages should get the change?",
    options: ["Home", "Blog", "Pricing", "Docs"],
    multi_select: true,
  },
  { question: "What should the confirmation message say?" },
  {
    question: "Keep the old URLs working with redirects?",
    options: ["Yes, add redirects", "No, just move them"],
  },
  { question: "May I add a small dependency for this?", options: ["Yes", "No, write it by hand"] },
  { question: "Which width counts as mobile here?", options: ["640px", "768px", "1024px"] },
  { question: "Is there anything I should leave untouched?" },
];

export const authorizationBank: AuthorizationPrompt[] = [
  {
    provider: "github",
    message: "Connect GitHub in Netlify so the agent can install a private package from your organisation.",
  },
  {
    provider: "linear",
    message: "Connect Linear in Netlify so the agent can read the issue the prompt links to.",
  },
];

/** One to three questions, some with options. */
export function pickQuestions(random: SimRandom): QuestionPrompt[] {
  const count = random.int(1, 3);
  const pool = [...questionBank];
  return Array.from(
    { length: count },
    () => pool.splice(random.int(0, pool.length - 1), 1)[0] as QuestionPrompt,
  );
}

export function askAnswerMarkdown(title: string): string {
  return [
    `# ${title}`,
    "",
    "The form posts to a Netlify Function in `netlify/functions/contact.ts`, which validates the fields",
    "and stores the submission with Netlify Blobs.",
    "",
    "Nothing was changed: this was a question, so there is no diff and no deploy preview.",
  ].join("\n");
}
