"use client";

import { agents } from "@/db/schema/upstream-states";
import { defaultAgent } from "@/lib/runners/create-runner-schemas";
import { field, type RunDraft } from "./create-runner-fields";

const agentNames: Record<RunDraft["agent"], string> = {
  claude: "Claude",
  codex: "Codex",
  gemini: "Gemini",
  opencode: "OpenCode",
};

/** Agent, model and branch: each has a sensible default, so the form can be sent without them. */
export function CreateRunnerOptions({
  draft,
  onChange,
}: {
  draft: RunDraft;
  onChange: (change: Partial<RunDraft>) => void;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="run-agent" className="text-sm font-medium">
          Agent
        </label>
        <select
          id="run-agent"
          value={draft.agent}
          onChange={(event) =>
            onChange({ agent: agents.find((agent) => agent === event.target.value) ?? defaultAgent })
          }
          className={field}
        >
          {agents.map((agent) => (
            <option key={agent} value={agent}>
              {agentNames[agent]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="run-model"
        label="Model"
        value={draft.model}
        placeholder="The agent's default"
        max={200}
        onChange={(model) => onChange({ model })}
      />
      <TextField
        id="run-branch"
        label="Branch"
        value={draft.branch}
        placeholder="The site's default"
        max={255}
        onChange={(branch) => onChange({ branch })}
      />
    </div>
  );
}

function TextField(props: {
  id: string;
  label: string;
  value: string;
  placeholder: string;
  max: number;
  onChange: (value: string) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.id} className="text-sm font-medium">
        {props.label} <span className="font-normal text-ink-muted">(optional)</span>
      </label>
      <input
        id={props.id}
        value={props.value}
        maxLength={props.max}
        placeholder={props.placeholder}
        onChange={(event) => props.onChange(event.target.value)}
        className={field}
      />
    </div>
  );
}
