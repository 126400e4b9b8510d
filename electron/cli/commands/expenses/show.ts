import type { Command } from 'commander';
import { contract, type Expense } from '../../../../shared/contract';
import { printJson, printLine, printPairs, printTable } from '../../output';
import { withLedger } from '../../run';
import { loadDisplay, totalsLine } from './display';

export function addShowCommand(expenses: Command): void {
  expenses
    .command('show <id>')
    .description(contract['expenses.get'].summary)
    .option('--json', 'print JSON')
    .action((id: string, opts: { json?: boolean }, cmd: Command) =>
      withLedger(cmd, async (call) => {
        const expense = await call('expenses.get', { id });
        if (opts.json) return printJson(expense);
        const display = await loadDisplay(call);
        const vendor = expense.vendor && [expense.vendor.name, expense.vendor.iban && `IBAN ${expense.vendor.iban}`].filter(Boolean).join(', ');
        printPairs([
          ['Title', expense.title],
          ['Id', expense.id],
          ['Type', expense.type],
          ['Status', expense.status + (expense.rejectReason ? ` (${expense.rejectReason})` : '')],
          ['Payment', expense.paymentStatus + (expense.paidAt ? ` on ${expense.paidAt}` : '')],
          ['Vendor', vendor],
          ['Issued', expense.issuedAt],
          ['Due', expense.dueAt],
          ['Reference', expense.reference],
          ['Payment method', expense.paymentMethod],
          ['Category', display.categoryName(expense.categoryId)],
          ['Tags', expense.tags.join(', ')],
          ['Billable', expense.billable ? 'yes' : null],
          ['Locked', expense.locked ? 'yes' : null],
          ['Notes', expense.notes],
        ]);
        if (expense.positions.length > 0) {
          printLine();
          const money = (minor: number) => display.money(minor, expense.currency);
          printTable<Expense['positions'][number]>(
            [
              { header: 'Position', value: (p) => p.description ?? '' },
              { header: 'VAT', value: (p) => `${p.vatRate}% ${p.mode === 'inclusive' ? 'incl' : 'excl'}`, align: 'right' },
              { header: 'Net', value: (p) => money(p.net), align: 'right' },
              { header: 'Tax', value: (p) => money(p.tax), align: 'right' },
              { header: 'Gross', value: (p) => money(p.gross), align: 'right' },
            ],
            expense.positions
          );
        }
        printLine();
        printLine(`Total ${totalsLine(display, expense.totals, expense.currency)}`);
      })
    );
}
