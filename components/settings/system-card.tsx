import type { SystemStatus } from "@/lib/system-status";

const driverNames: Record<SystemStatus["databaseDriver"], string> = {
  pglite: "Embedded PGlite",
  pg: "PostgreSQL (node-postgres)",
  neon: "Neon (serverless driver)",
};

export function SystemCard({ status }: { status: SystemStatus }) {
  const rows: Array<[string, string]> = [
    ["Mode", status.mode === "demo" ? "Demo — built-in Netlify simulator" : "Live — Netlify API"],
    ["Netlify API", status.netlifyApiUrl],
    ["Database", `${driverNames[status.databaseDriver]} · ${status.databaseLocation}`],
    ["Schema", `${status.migrationsApplied} of ${status.migrationsTotal} migrations applied`],
  ];
  return (
    <section aria-labelledby="system-heading" className="rounded-xl border border-border bg-surface">
      <h2 id="system-heading" className="border-b border-border px-5 py-3 font-medium">
        System
      </h2>
      <dl className="divide-y divide-border text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="grid gap-1 px-5 py-3 sm:grid-cols-[10rem_1fr]">
            <dt className="text-ink-muted">{label}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
