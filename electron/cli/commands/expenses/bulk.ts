import type { Command } from 'commander';
import { contract, type BulkResult, type Input } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { printJson, printLine } from '../../output';
import { withLedger, type Call } from '../../run';
import { categoryOrNone } from '../../values';
import { plural } from './display';

/** The error code of a bulk command whose failures have different codes; each one is in details.failed. */
const MIXED_FAILURES = 'MIXED_FAILURES';

interface BulkOptions {
  reason?: string;
  json?: boolean;
}

/** Successes go to stdout; any failure makes the whole command fail, with one line per refused id. */
function report(result: BulkResult, done: string, json?: boolean): void {
  if (json) printJson(result);
  else if (result.updated.length > 0) printLine(`${plural(result.updated.length, 'expense')} ${done}: ${result.updated.join(', ')}`);
  if (result.failed.length === 0) return;
  const codes = new Set(result.failed.map((f) => f.code));
  const total = result.updated.length + result.failed.length;
  throw new AppError(codes.size === 1 ? result.failed[0]!.code : MIXED_FAILURES, `${result.failed.length} of ${plural(total, 'expense')} could not be ${done}`, {
    failed: result.failed,
  });
}

function addBulk(expenses: Command, usage: string, description: string, done: string, run: (call: Call, ids: string[], opts: BulkOptions) => Promise<BulkResult>): Command {
  return expenses
    .command(usage)
    .description(description)
    .option('--json', 'print {updated, failed} as JSON')
    .action((ids: string[], opts: BulkOptions, cmd: Command) => withLedger(cmd, async (call) => report(await run(call, ids, opts), done, opts.json)));
}

export function addBulkCommands(expenses: Command): void {
  const setStatus = (status: Input<'expenses.setStatus'>['status']) => (call: Call, ids: string[], opts: BulkOptions) =>
    call('expenses.setStatus', { ids, status, reason: opts.reason });

  addBulk(expenses, 'approve <id...>', 'Approve expenses; drafts are submitted for review on the way', 'approved', setStatus('approved'));
  addBulk(expenses, 'submit <id...>', 'Submit draft or rejected expenses for review', 'submitted for review', setStatus('pending_review'));
  addBulk(expenses, 'reject <id...>', 'Reject expenses under review', 'rejected', setStatus('rejected')).option('--reason <text>', 'why (required)');
  addBulk(expenses, 'delete <id...>', contract['expenses.delete'].summary, 'moved to the trash', (call, ids) => call('expenses.delete', { ids }));
  addBulk(expenses, 'restore <id...>', contract['expenses.restore'].summary, 'restored', (call, ids) => call('expenses.restore', { ids }));

  expenses
    .command('set-category <category> <id...>')
    .description(`${contract['expenses.setCategory'].summary} (category: id or name, "none" to clear)`)
    .option('--json', 'print {updated, failed} as JSON')
    .action((ref: string, ids: string[], opts: BulkOptions, cmd: Command) =>
      withLedger(cmd, async (call) => {
        const categoryId = categoryOrNone(await call('categories.list', {}), ref, 'category');
        report(await call('expenses.setCategory', { ids, categoryId }), 'recategorized', opts.json);
      })
    );
}
