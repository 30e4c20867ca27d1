import { SwitchyardMark } from "@/components/layout/switchyard-mark";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";

export function BoardEmptyState() {
  return (
    <EmptyState
      title="No sites on the board yet"
      icon={<SwitchyardMark className="size-10" />}
      action={<ButtonLink href="/settings">Open Settings</ButtonLink>}
    >
      <p>
        Connect a Netlify site in Settings, or run{" "}
        <code className="font-mono">npm run sites -- connect &lt;site_id&gt;</code>. Its agent runners then
        appear here as cards, one column per state.
      </p>
    </EmptyState>
  );
}
