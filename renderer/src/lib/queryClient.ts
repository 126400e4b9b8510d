import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ShoeboxError } from './api';
import { toast } from './toasts';

declare module '@tanstack/react-query' {
  interface Register {
    /** Error codes a mutation shows in its own UI instead of a toast (e.g. CATEGORY_IN_USE opens a dialog). */
    mutationMeta: { handledCodes?: readonly string[] };
  }
}

/** One client for the window, so actions outside components (shortcuts, undo) share the cache. */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (err) => toast.error(err) }),
  mutationCache: new MutationCache({
    onError: (err, _vars, _ctx, mutation) => {
      const handled = mutation.meta?.handledCodes;
      if (err instanceof ShoeboxError && handled?.includes(err.code)) return;
      toast.error(err);
    },
  }),
  defaultOptions: {
    queries: {
      // The ledger pushes `ledger.changed`, so data only goes stale when it says so.
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      // A service answer is deterministic; only a lost bridge is worth another try.
      retry: (count, err) => err instanceof ShoeboxError && err.code === 'UNAVAILABLE' && count < 2,
    },
    mutations: { retry: false },
  },
});
