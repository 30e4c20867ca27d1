"use client";

import { createContext, type HTMLAttributes, type ReactNode, type Ref, useContext } from "react";

/*
 * Heading levels relative to where a view is shown: the same run view is a page (its title an
 * h1) and a panel over the board (its title an h2), and its sections, sessions and files follow
 * one level below whatever holds them.
 */

const SectionLevel = createContext(2);

/** The level of the sections inside `children`; deeper headings count from it. */
export function SectionLevelProvider({ level, children }: { level: number; children: ReactNode }) {
  return <SectionLevel.Provider value={level}>{children}</SectionLevel.Provider>;
}

/** A heading `depth` levels below the current section level (at most h6). */
export function Heading({
  depth = 0,
  ref,
  ...props
}: { depth?: number; ref?: Ref<HTMLHeadingElement> } & HTMLAttributes<HTMLHeadingElement>) {
  const level = Math.min(6, useContext(SectionLevel) + depth);
  const Tag = `h${level}` as "h2";
  return <Tag ref={ref} {...props} />;
}
