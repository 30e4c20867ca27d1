import type { UserRole } from "@/db/schema";
import { hasRole } from "@/lib/auth/access";

/*
 * Who may change which sites are on the board. The one copy of these rules: the server enforces
 * them and the Settings page reads them to decide which buttons to show.
 */

/** Who lists, connects or disconnects sites: a signed-in person and their role. */
export interface SiteActor {
  userId: string;
  role: UserRole;
}

/** Members and admins connect sites their own Netlify token can see; viewers only look. */
export const mayConnectSites = (role: UserRole) => hasRole(role, "member");

/**
 * Disconnecting deletes the site's runners and every key for it, whoever minted them, so a
 * member may only undo their own connection; admins may disconnect any site.
 */
export const mayDisconnectSite = (role: UserRole, connectedByMe: boolean) =>
  role === "admin" || (mayConnectSites(role) && connectedByMe);
