import Link, { type LinkProps } from "next/link";
import type { ReactNode } from "react";

/** A link styled as the primary button. */
export function ButtonLink<Href extends string>({
  href,
  children,
}: {
  href: LinkProps<Href>["href"];
  children: ReactNode;
}) {
  return (
    <Link
      href={href}
      className="inline-flex items-center rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-ink shadow-sm transition-opacity hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
    >
      {children}
    </Link>
  );
}
