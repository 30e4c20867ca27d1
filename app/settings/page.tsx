import type { Metadata } from "next";
import { connection } from "next/server";
import { AccountSection } from "@/components/settings/account-section";
import { KeysSection } from "@/components/settings/keys-section";
import { SitesSection } from "@/components/settings/sites-section";
import { SyncSection } from "@/components/settings/sync-section";
import { SystemCard } from "@/components/settings/system-card";
import { UsersSection } from "@/components/settings/users-section";
import { hasRole } from "@/lib/auth/access";
import { requireUser } from "@/lib/auth/current-user";
import { database } from "@/lib/database";
import { env } from "@/lib/env";
import { scopeChoices, siteChoices } from "@/lib/keys/key-choices";
import { readSystemStatus } from "@/lib/system-status";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await connection();
  const user = await requireUser();
  const handle = await database();
  const status = await readSystemStatus(env(), handle);
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-ink-muted">How this Switchyard is set up.</p>
      </header>
      <AccountSection name={user.fullName ?? user.email} email={user.email} role={user.role} />
      <KeysSection
        sites={await siteChoices(handle.db)}
        scopes={scopeChoices()}
        canMint={hasRole(user.role, "member")}
        mayNeverExpire={user.role === "admin"}
        proxyUrl={`${env().appUrl}/api/proxy`}
      />
      {/* Admins only; GET /api/users refuses everyone else anyway. */}
      {user.role === "admin" ? <UsersSection currentUserId={user.id} /> : null}
      <SitesSection role={user.role} />
      <SyncSection canSyncNow={user.role === "admin"} />
      <SystemCard status={status} />
    </div>
  );
}
