import { HydrationBoundary } from "@tanstack/react-query";
import { connection } from "next/server";
import { RunnerPanel } from "@/components/runner/runner-panel";
import { requireUser } from "@/lib/auth/current-user";
import { prefetchRunner } from "@/lib/runners/prefetch-runner";
import { runnerActionParamsSchema } from "@/lib/runners/runner-action-schemas";

/** A run opened from the board: the same view in a side panel over the board, at the run's own URL. */
export default async function RunnerPanelPage({ params }: PageProps<"/runners/[runnerId]">) {
  await connection();
  const user = await requireUser();
  const parsed = runnerActionParamsSchema.safeParse(await params);
  if (!parsed.success) return null;
  const prefetched = await prefetchRunner(user, parsed.data.runnerId);
  return (
    <HydrationBoundary state={prefetched?.state}>
      <RunnerPanel runnerId={parsed.data.runnerId} title={prefetched?.detail.runner.title ?? null} />
    </HydrationBoundary>
  );
}
