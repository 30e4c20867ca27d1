import type { Metadata } from "next";
import { connection } from "next/server";
import { SystemCard } from "@/components/settings/system-card";
import { requireUser } from "@/lib/auth/current-user";
import { database } from "@/lib/database";
import { env } from "@/lib/env";
import { readSystemStatus } from "@/lib/system-status";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await connection();
  await requireUser();
  const status = await readSystemStatus(env(), await database());
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-ink-muted">How this Switchyard is set up.</p>
      </header>
      <SystemCard status={status} />
    </div>
  );
}
