import { useMemo } from 'react';
import type { BulkResult } from '../../../../shared/contract';
import { deleteExpenses, reject, setCategory, setStatus } from './actions';
import type { ListCommands } from './listCommands';
import { useListStore } from './listStore';

export interface ListActions {
  approve(): void;
  reject(): void;
  submit(): void;
  categorize(): void;
  remove(): void;
}

/**
 * The bulk bar and the shortcuts act on the same targets. On a review queue, reviewed rows leave
 * the list, so the selection is dropped and the focus stays put: it now rests on the next row.
 */
export function useListActions(commands: ListCommands, { reviewQueue }: { reviewQueue: boolean }): ListActions {
  const store = useListStore();
  return useMemo(() => {
    const on = (work: (ids: string[]) => Promise<BulkResult | undefined>, leavesList: boolean) => () => {
      const ids = commands.targetIds();
      if (ids.length === 0) return;
      void work(ids).then((result) => {
        if (result?.updated.length && leavesList) store.getState().clearSelection();
      });
    };
    return {
      approve: on((ids) => setStatus(ids, 'approved'), reviewQueue),
      reject: on(reject, reviewQueue),
      submit: on((ids) => setStatus(ids, 'pending_review'), false),
      categorize: on(setCategory, false),
      remove: on(deleteExpenses, true),
    };
  }, [commands, reviewQueue, store]);
}
