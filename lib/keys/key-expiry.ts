import { KeyRequestError } from "./key-actor";

const unitMs = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_LIFETIME_MS = 3_650 * unitMs.d;

/** `--expires-in 90s|12h|30d` (also minutes) as milliseconds; anything else is refused. */
export function parseExpiresIn(text: string): number {
  const match = /^([1-9]\d{0,6})([smhd])$/.exec(text.trim());
  const ms = match ? Number(match[1]) * unitMs[match[2] as keyof typeof unitMs] : Number.NaN;
  if (!Number.isFinite(ms) || ms > MAX_LIFETIME_MS) {
    throw new KeyRequestError(
      "VALIDATION_FAILED",
      "The expiry must be a number and a unit, such as 90s, 45m, 12h or 30d, and at most 10 years.",
    );
  }
  return ms;
}

/** Checks an expiry before anything is written: in the future, within ten years. */
export function checkExpiry(expiresAt: Date | null, now = new Date()): void {
  if (expiresAt === null) return;
  if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now.getTime())
    throw new KeyRequestError("VALIDATION_FAILED", "The expiry date must be in the future.");
  if (expiresAt.getTime() - now.getTime() > MAX_LIFETIME_MS)
    throw new KeyRequestError("VALIDATION_FAILED", "The expiry date must be within ten years.");
}
