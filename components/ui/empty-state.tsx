import type { ReactNode } from "react";

export function EmptyState({
  title,
  children,
  action,
  icon,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <section className="mx-auto flex max-w-xl flex-col items-center gap-4 rounded-xl border border-dashed border-border bg-surface px-6 py-14 text-center">
      {icon ? <div className="text-accent">{icon}</div> : null}
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="text-sm leading-6 text-ink-muted">{children}</div>
      {action}
    </section>
  );
}
