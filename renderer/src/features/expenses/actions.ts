import type { BulkResult, Expense } from '../../../../shared/contract';
import { invoke } from '../../lib/api';
import { askCategory, askRejectReason, confirmDialog } from '../../lib/dialogs';
import { plural } from '../../lib/format';
import { toast } from '../../lib/toasts';

/**
 * Actions on one or many expenses, callable from buttons, the bulk bar and shortcuts alike.
 * Each tells the person what happened, including what failed; none throws. The lists refresh
 * themselves on the `ledger.changed` that every change sends.
 */

const noun = (n: number) => `${n} ${plural(n, 'expense')}`;

/** Groups identical failure messages, so 40 locked expenses are one line, not 40. */
function failureLines(failed: BulkResult['failed']): string[] {
  const counts = new Map<string, number>();
  for (const f of failed) counts.set(f.message, (counts.get(f.message) ?? 0) + 1);
  return [...counts].map(([message, n]) => (n > 1 ? `${n} × ${message}` : message));
}

function report(result: BulkResult, done: string, extra: { action?: { label: string; run: () => void } } = {}): void {
  const total = result.updated.length + result.failed.length;
  if (result.failed.length === 0) {
    toast.success(`${done} ${noun(result.updated.length)}`, extra);
  } else if (result.updated.length === 0) {
    toast.error(new Error(`Could not change ${total === 1 ? 'the expense' : `any of the ${total} expenses`}`), { lines: failureLines(result.failed) });
  } else {
    toast.error(new Error(`${done} ${result.updated.length} of ${total} expenses; ${result.failed.length} could not be changed`), {
      lines: failureLines(result.failed),
      ...extra,
    });
  }
}

async function run(work: () => Promise<BulkResult>, done: string): Promise<BulkResult | undefined> {
  try {
    const result = await work();
    report(result, done);
    return result;
  } catch (err) {
    toast.error(err);
    return undefined;
  }
}

const STATUS_DONE: Record<Expense['status'], string> = {
  draft: 'Moved back to draft',
  pending_review: 'Submitted for review',
  approved: 'Approved',
  rejected: 'Rejected',
};

export function setStatus(ids: string[], status: Exclude<Expense['status'], 'rejected'>): Promise<BulkResult | undefined> {
  return run(() => invoke('expenses.setStatus', { ids, status }), STATUS_DONE[status]);
}

export async function reject(ids: string[]): Promise<BulkResult | undefined> {
  const reason = await askRejectReason(ids.length);
  if (reason === undefined) return undefined;
  return run(() => invoke('expenses.setStatus', { ids, status: 'rejected', reason }), STATUS_DONE.rejected);
}

export async function setCategory(ids: string[]): Promise<BulkResult | undefined> {
  const categoryId = await askCategory(ids.length);
  if (categoryId === undefined) return undefined;
  return run(() => invoke('expenses.setCategory', { ids, categoryId }), 'Categorized');
}

export function setLocked(ids: string[], locked: boolean): Promise<BulkResult | undefined> {
  return run(() => invoke('expenses.setFlags', { ids, locked }), locked ? 'Locked' : 'Unlocked');
}

/** Moves expenses to the trash and offers Undo; asks first only when it takes many at once. */
export async function deleteExpenses(ids: string[]): Promise<BulkResult | undefined> {
  if (ids.length > 20) {
    const ok = await confirmDialog({
      title: `Delete ${noun(ids.length)}?`,
      message: 'They go to the trash; you can undo right after.',
      confirmLabel: 'Delete',
      danger: true,
    });
    if (!ok) return undefined;
  }
  try {
    const result = await invoke('expenses.delete', { ids });
    const undo = () => void run(() => invoke('expenses.restore', { ids: result.updated }), 'Restored');
    report(result, 'Deleted', result.updated.length ? { action: { label: 'Undo', run: undo } } : {});
    return result;
  } catch (err) {
    toast.error(err);
    return undefined;
  }
}
