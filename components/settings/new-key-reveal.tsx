"use client";

import { toast } from "sonner";

/**
 * The plaintext of a key just minted or rolled, shown this once, with ready-to-paste examples
 * against this installation's proxy. Agent output never reaches here: only the key we made.
 */
export function NewKeyReveal({
  secret,
  proxyUrl,
  canWrite,
}: {
  secret: string;
  proxyUrl: string;
  canWrite: boolean;
}) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      toast.success("Key copied to the clipboard.");
    } catch {
      toast.error("Copying failed: select the key and copy it by hand.");
    }
  }
  const examples = [
    `curl -H "Authorization: Bearer ${secret}" \\\n  ${proxyUrl}/agent_runners`,
    ...(canWrite
      ? [
          `curl -X POST -H "Authorization: Bearer ${secret}" \\\n  -H "Content-Type: application/json" \\\n  -d '{"prompt": "Add a contact form to the homepage"}' \\\n  ${proxyUrl}/agent_runners`,
        ]
      : []),
  ];
  return (
    <div className="flex flex-col gap-3">
      <label htmlFor="new-api-key" className="text-sm font-medium">
        New API key
      </label>
      <div className="flex gap-2">
        <input
          id="new-api-key"
          readOnly
          value={secret}
          onFocus={(event) => event.currentTarget.select()}
          className="h-9 min-w-0 flex-1 rounded-md border border-border bg-canvas px-2 font-mono text-xs"
        />
        <button
          type="button"
          onClick={() => void copy()}
          className="h-9 rounded-md bg-accent px-3 text-sm font-medium text-accent-ink"
        >
          Copy
        </button>
      </div>
      <p className="text-xs text-ink-muted">
        This is the only time the key is shown: Switchyard keeps only a hash of it. Store it now.
      </p>
      <div className="flex flex-col gap-2">
        <p className="text-xs font-medium">Try it</p>
        {examples.map((example) => (
          <pre key={example} className="overflow-x-auto rounded-md bg-surface-muted p-2 text-xs">
            {example}
          </pre>
        ))}
      </div>
    </div>
  );
}
