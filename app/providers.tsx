"use client";

import { notifyManager, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { type ReactNode, useState } from "react";
import { Toaster } from "sonner";

// Cache changes reach components in the same task instead of a later timer, so a card moved by a
// click is drawn in the same frame as the menu closing, not one frame after it.
notifyManager.setScheduler(queueMicrotask);

/** Client-side data layer. One QueryClient per browser tab, created lazily so it survives re-renders. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 5_000, refetchOnWindowFocus: true, retry: 1 },
        },
      }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>{children}</NuqsAdapter>
      {/* Every mutation's result is confirmed here; screen readers hear it through sonner's live region. */}
      <Toaster position="bottom-right" richColors closeButton />
    </QueryClientProvider>
  );
}
