/** The product mark: two tracks parting at a switch. */
export function SwitchyardMark({ className }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      aria-hidden="true"
      className={className}
    >
      <path d="M4 20V4" strokeLinecap="round" />
      <path d="M4 14c0-4 4-6 8-7s8-2 8-3" strokeLinecap="round" />
      <path d="M20 20V9" strokeLinecap="round" />
    </svg>
  );
}
