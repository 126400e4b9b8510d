import type { Command } from 'commander';
import { contract, EXPENSE_TYPES, PAYMENT_METHODS, type ExpenseCreateInput, type PositionInput } from '../../../../shared/contract';
import { invalidOption } from '../../errors';
import { printJson, printLine } from '../../output';
import { withLedger } from '../../run';
import { categoryOrNone, collect, money, nonEmpty, vatRate } from '../../values';
import { loadDisplay, totalsLine } from './display';

interface AddOptions {
  type: ExpenseCreateInput['type'];
  date: string;
  title?: string;
  vendor?: string;
  vendorIban?: string;
  amount?: string;
  vat?: string;
  exclusive?: boolean;
  position?: string[];
  currency?: string;
  paymentMethod?: ExpenseCreateInput['paymentMethod'];
  due?: string;
  reference?: string;
  category?: string;
  tag?: string[];
  notes?: string;
  billable?: boolean;
  json?: boolean;
}

const POSITION_FORMAT = 'description:amount:rate[:incl|excl]';

/** "Lunch:100.00:8.1:incl"; the description may itself contain colons, so the fields are taken from the right. */
function parsePosition(spec: string, currency: string): PositionInput {
  const parts = spec.split(':');
  const last = parts.at(-1);
  const mode = last === 'incl' || last === 'excl' ? parts.pop() : undefined;
  if (parts.length < 3) throw invalidOption('--position', `“${spec}” is not ${POSITION_FORMAT}`);
  const rate = vatRate(parts.pop()!, '--position');
  const total = money(parts.pop()!, currency, '--position');
  const description = parts.join(':').trim();
  return { description: description || null, total, vatRate: rate, mode: mode === 'excl' ? 'exclusive' : 'inclusive' };
}

function positionsFrom(opts: AddOptions, currency: string): PositionInput[] | undefined {
  if (opts.amount === undefined) {
    if (opts.vat !== undefined) throw invalidOption('--vat', 'Applies to --amount; give the rate inside each --position instead');
    if (opts.exclusive) throw invalidOption('--exclusive', 'Applies to --amount; end a --position with :excl instead');
    return opts.position?.map((p) => parsePosition(p, currency));
  }
  if (opts.position?.length) throw invalidOption('--amount', 'Use either --amount or --position, not both');
  const total = money(opts.amount, currency, '--amount');
  return [{ total, vatRate: opts.vat === undefined ? 0 : vatRate(opts.vat, '--vat'), mode: opts.exclusive ? 'exclusive' : 'inclusive' }];
}

export function addAddCommand(expenses: Command): void {
  expenses
    .command('add')
    .description(`${contract['expenses.create'].summary}; amounts are decimals in the expense's currency`)
    .requiredOption('--type <type>', EXPENSE_TYPES.join(' | '))
    .requiredOption('--date <date>', 'issue date, YYYY-MM-DD')
    .option('--title <title>', 'title (default: the vendor name)')
    .option('--vendor <name>', 'vendor name')
    .option('--vendor-iban <iban>', "vendor's IBAN (needs --vendor)")
    .option('--amount <amount>', 'one amount for the whole expense, e.g. 12.50')
    .option('--vat <rate>', 'VAT rate of --amount in percent, e.g. 8.1 (default: 0)')
    .option('--exclusive', '--amount is net, VAT comes on top (default: VAT included)')
    .option('--position <spec>', `a line item, ${POSITION_FORMAT}, e.g. "Lunch:100.00:8.1" (repeatable)`, collect)
    .option('--currency <code>', 'ISO 4217 code (default: the default currency)')
    .option('--payment-method <method>', `${PAYMENT_METHODS.join(', ')} (required for receipts)`)
    .option('--due <date>', 'due date, YYYY-MM-DD')
    .option('--reference <text>', 'payment reference')
    .option('--category <category>', 'id or name')
    .option('--tag <tag>', 'tag (repeatable)', collect)
    .option('--notes <text>', 'notes')
    .option('--billable', 'to be charged on to a customer')
    .option('--json', 'print the created expense as JSON')
    .action((opts: AddOptions, cmd: Command) =>
      withLedger(cmd, async (call) => {
        const display = await loadDisplay(call);
        const currency = opts.currency ?? display.settings.defaultCurrency;
        if (opts.vendorIban !== undefined && opts.vendor === undefined) throw invalidOption('--vendor-iban', "Give the vendor's name with --vendor as well");
        const created = await call('expenses.create', {
          type: opts.type,
          issuedAt: opts.date,
          title: opts.title,
          vendor: opts.vendor === undefined ? undefined : { name: opts.vendor, iban: opts.vendorIban },
          positions: positionsFrom(opts, currency),
          currency: opts.currency,
          paymentMethod: opts.paymentMethod,
          dueAt: opts.due,
          reference: opts.reference,
          categoryId: opts.category === undefined ? undefined : categoryOrNone(display.categories, opts.category, '--category'),
          tags: nonEmpty(opts.tag),
          notes: opts.notes,
          billable: opts.billable,
        });
        if (opts.json) return printJson(created);
        printLine(`Created ${created.type} ${created.id} (${created.status})`);
        printLine(`${created.title}, ${created.issuedAt}: ${totalsLine(display, created.totals, created.currency)}`);
      })
    );
}
