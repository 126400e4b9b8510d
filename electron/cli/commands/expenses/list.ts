import type { Command } from 'commander';
import {
  contract,
  EXPENSE_STATUSES,
  EXPENSE_TYPES,
  PAYMENT_STATUSES,
  SORT_FIELDS,
  SOURCES,
  type ExpenseFilter,
  type ExpenseListInput,
  type ExpenseListItem,
} from '../../../../shared/contract';
import { printJson, printLine, printTable, truncate } from '../../output';
import { withLedger } from '../../run';
import { categoryOrNone, collect, collectList, integer, money, nonEmpty } from '../../values';
import { loadDisplay, plural, totalsLine } from './display';

interface ListOptions {
  search?: string;
  type?: ExpenseFilter['type'];
  status?: NonNullable<ExpenseFilter['status']>;
  paymentStatus?: ExpenseFilter['paymentStatus'];
  from?: string;
  to?: string;
  category?: string[];
  vendor?: string;
  min?: string;
  max?: string;
  currency?: string;
  tag?: string[];
  billable?: boolean;
  locked?: boolean;
  exported?: boolean;
  attachment?: boolean;
  source?: NonNullable<ExpenseFilter['source']>;
  sort?: ExpenseListInput['sort'];
  order?: ExpenseListInput['order'];
  limit?: string;
  offset?: string;
  json?: boolean;
}

export function addListCommand(expenses: Command): void {
  expenses
    .command('list')
    .description(`${contract['expenses.list'].summary}, with totals per currency`)
    .option('--search <text>', 'words in title, vendor, description, notes or scanned text')
    .option('--type <type>', EXPENSE_TYPES.join(' | '))
    .option('--status <status>', `${EXPENSE_STATUSES.join(', ')} (repeatable or comma-separated)`, collectList)
    .option('--payment-status <status>', PAYMENT_STATUSES.join(' | '))
    .option('--from <date>', 'issued on or after YYYY-MM-DD')
    .option('--to <date>', 'issued on or before YYYY-MM-DD')
    .option('--category <category>', 'id or name; "none" for uncategorized (repeatable)', collect)
    .option('--vendor <text>', 'vendor name contains')
    .option('--min <amount>', 'gross at least, e.g. 100.00')
    .option('--max <amount>', 'gross at most, e.g. 250.00')
    .option('--currency <code>', 'only this currency; also the currency of --min/--max (default: the default currency)')
    .option('--tag <tag>', 'has this tag (repeatable)', collect)
    .option('--billable', 'only billable')
    .option('--no-billable', 'only not billable')
    .option('--locked', 'only locked')
    .option('--no-locked', 'only unlocked')
    .option('--exported', 'only exported')
    .option('--no-exported', 'only not exported')
    .option('--attachment', 'only with an attachment')
    .option('--no-attachment', 'only without an attachment')
    .option('--source <source>', `${SOURCES.join(', ')} (repeatable or comma-separated)`, collectList)
    .option('--sort <field>', `${SORT_FIELDS.join(' | ')} (default: date)`)
    .option('--order <order>', 'asc | desc (default: desc)')
    .option('--limit <n>', 'at most this many (default: 50, at most 500)')
    .option('--offset <n>', 'skip this many')
    .option('--json', 'print {items, hasMore, summary} as JSON')
    .action((opts: ListOptions, cmd: Command) =>
      withLedger(cmd, async (call) => {
        const display = await loadDisplay(call);
        const amountCurrency = opts.currency ?? display.settings.defaultCurrency;
        const amount = (text: string | undefined, option: string) => (text === undefined ? undefined : money(text, amountCurrency, option));
        const filter: ExpenseFilter = {
          search: opts.search,
          type: opts.type,
          status: nonEmpty(opts.status),
          paymentStatus: opts.paymentStatus,
          dateFrom: opts.from,
          dateTo: opts.to,
          categoryIds: nonEmpty(opts.category?.map((c) => categoryOrNone(display.categories, c, '--category') ?? 'none')),
          vendor: opts.vendor,
          amountMin: amount(opts.min, '--min'),
          amountMax: amount(opts.max, '--max'),
          currency: opts.currency,
          tags: nonEmpty(opts.tag),
          billable: opts.billable,
          locked: opts.locked,
          exported: opts.exported,
          hasAttachment: opts.attachment,
          source: nonEmpty(opts.source),
        };
        const input: ExpenseListInput = {
          ...filter,
          sort: opts.sort,
          order: opts.order,
          limit: opts.limit === undefined ? undefined : integer(opts.limit, '--limit'),
          offset: opts.offset === undefined ? undefined : integer(opts.offset, '--offset'),
        };
        const page = await call('expenses.list', input);
        const summary = await call('expenses.summary', filter);
        if (opts.json) return printJson({ ...page, summary });

        if (page.items.length === 0) return printLine('No expenses match.');
        printTable<ExpenseListItem>(
          [
            { header: 'Date', value: (e) => e.issuedAt },
            { header: 'Vendor / title', value: (e) => truncate(e.vendorName && e.vendorName !== e.title ? `${e.vendorName}: ${e.title}` : e.title, 40) },
            { header: 'Category', value: (e) => truncate(display.categoryName(e.categoryId), 28) },
            { header: 'Status', value: (e) => e.status },
            { header: 'Amount', value: (e) => display.money(e.gross, e.currency), align: 'right' },
            { header: 'Id', value: (e) => e.id },
          ],
          page.items
        );
        printLine();
        const first = (input.offset ?? 0) + 1;
        printLine(`Showing ${first}–${first + page.items.length - 1} of ${plural(summary.count, 'expense')}${page.hasMore ? ` (more with --offset ${first - 1 + page.items.length})` : ''}`);
        for (const t of summary.totals) printLine(`Total ${totalsLine(display, t, t.currency)} in ${plural(t.count, 'expense')}`);
      })
    );
}
