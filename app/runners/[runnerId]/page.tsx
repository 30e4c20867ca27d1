import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RunnerView } from "@/components/runner/runner-view";
import { requireUser } from "@/lib/auth/current-user";
import { prefetchRunner } from "@/lib/runners/prefetch-runner";
import { runnerActionParamsSchema } from "@/lib/runners/runner-action-schemas";

export const metadata: Metadata = { title: "Run" };

/** A run on its own page (opened directly, or reloaded from the board's side panel). */
export default async function RunnerPage({ params }: PageProps<"/runners/[runnerId]">) {
  await connection();
  const user = await requireUser();
  const parsed = runnerActionParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const prefetched = await prefetchRunner(user, parsed.data.runnerId);
  if (!prefetched) notFound();
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-link underline-offset-2 hover:underline">
          ← Board
        </Link>
      </nav>
      <HydrationBoundary state={prefetched.state}>
        <RunnerView runnerId={parsed.data.runnerId} level="h1" />
      </HydrationBoundary>
    </div>
  );
}
