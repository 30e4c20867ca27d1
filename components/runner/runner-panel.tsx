"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { runnerDetailQueryOptions } from "@/lib/queries/runner-detail";
import { RunnerView } from "./runner-view";

/**
 * A run opened from the board, in a panel over it. The URL is the run's own, so the panel can be
 * shared or reloaded (as the full page); Escape, the close button and the browser's Back all
 * return to the board as it was.
 */
export function RunnerPanel({ runnerId, title }: { runnerId: string; title: string | null }) {
  const router = useRouter();
  // The live title, so a rename renames the panel too.
  const { data } = useQuery(runnerDetailQueryOptions(runnerId));
  const shownTitle = data?.runner.title ?? title;
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : router.back())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          // Escape in a field (the title being edited, the file filter) belongs to the field.
          onEscapeKeyDown={(event) => {
            if (event.target instanceof HTMLElement && event.target.closest("input, textarea, select"))
              event.preventDefault();
          }}
          className="fixed inset-y-0 right-0 z-50 flex w-[min(64rem,100vw)] flex-col overflow-y-auto border-l border-border bg-canvas shadow-xl"
        >
          <div className="sticky top-0 z-10 flex items-center gap-3 border-b border-border bg-canvas/95 px-4 py-2 backdrop-blur sm:px-6">
            {/* Names the dialog; the run's own heading follows in the view. */}
            <Dialog.Title asChild>
              <p className="min-w-0 flex-1 truncate text-sm font-medium text-ink-muted">
                Run: {shownTitle ?? "Untitled run"}
              </p>
            </Dialog.Title>
            <Dialog.Description className="sr-only">
              The run's sessions, actions and changes. Escape returns to the board.
            </Dialog.Description>
            {/* A plain link: a full load shows the run as its own page instead of this panel. */}
            <a
              href={`/runners/${encodeURIComponent(runnerId)}`}
              className="text-sm text-link underline-offset-2 hover:underline"
            >
              Open as a page
            </a>
            <Dialog.Close className="h-8 rounded-md border border-border px-2 text-sm hover:bg-surface-muted">
              Close
            </Dialog.Close>
          </div>
          <div className="px-4 py-6 sm:px-6">
            <RunnerView runnerId={runnerId} level="h2" />
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
