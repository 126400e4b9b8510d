import type { Command } from 'commander';
import { ACCOUNT_TYPES, contract, type Category } from '../../../shared/contract';
import { printJson, printLine, printTable } from '../output';
import { withLedger } from '../run';
import { findCategory } from '../values';

interface CategoryOptions {
  name?: string;
  color?: string;
  accountType?: Category['accountType'];
  accountCode?: string;
  json?: boolean;
}

const ACCOUNT_TYPE_HELP = `account type: ${ACCOUNT_TYPES.join(', ')}`;

export function addCategoryCommands(program: Command): void {
  const categories = program.command('categories').description('Default and custom categories');

  categories
    .command('list')
    .description(contract['categories.list'].summary)
    .option('--json', 'print JSON')
    .action((opts: CategoryOptions, cmd: Command) =>
      withLedger(cmd, async (call) => {
        const list = await call('categories.list', {});
        if (opts.json) return printJson(list);
        printTable<Category>(
          [
            { header: 'Name', value: (c) => c.name },
            { header: 'Account type', value: (c) => c.accountType },
            { header: 'Code', value: (c) => c.accountCode ?? '' },
            { header: 'Expenses', value: (c) => String(c.expenseCount), align: 'right' },
            { header: 'Kind', value: (c) => (c.isDefault ? 'default' : 'custom') },
            { header: 'Id', value: (c) => c.id },
          ],
          list
        );
      })
    );

  categories
    .command('add <name>')
    .description(contract['categories.create'].summary)
    .option('--color <hex>', 'color like #1f8a70 (default: the next one of the palette)')
    .option('--account-type <type>', `${ACCOUNT_TYPE_HELP} (default: operating_expense)`)
    .option('--account-code <code>', 'account number in your chart of accounts')
    .option('--json', 'print the new category as JSON')
    .action((name: string, opts: CategoryOptions, cmd: Command) =>
      withLedger(cmd, async (call) => {
        const created = await call('categories.create', { name, color: opts.color, accountType: opts.accountType, accountCode: opts.accountCode });
        if (opts.json) return printJson(created);
        printLine(`Added category “${created.name}” (${created.id})`);
      })
    );

  categories
    .command('update <category>')
    .description(`${contract['categories.update'].summary} (category: id or name)`)
    .option('--name <name>', 'new name')
    .option('--color <hex>', 'color like #1f8a70')
    .option('--account-type <type>', ACCOUNT_TYPE_HELP)
    .option('--account-code <code>', 'account number in your chart of accounts')
    .option('--json', 'print the category as JSON')
    .action((ref: string, opts: CategoryOptions, cmd: Command) =>
      withLedger(cmd, async (call) => {
        const { id } = findCategory(await call('categories.list', {}), ref, 'category');
        const updated = await call('categories.update', { id, name: opts.name, color: opts.color, accountType: opts.accountType, accountCode: opts.accountCode });
        if (opts.json) return printJson(updated);
        printLine(`Updated category “${updated.name}” (${updated.id})`);
      })
    );

  categories
    .command('delete <category>')
    .description(`${contract['categories.delete'].summary} (category: id or name)`)
    .option('--reassign-to <category>', 'move its expenses to this category (id or name) first')
    .option('--json', 'print the result as JSON')
    .action((ref: string, opts: { reassignTo?: string; json?: boolean }, cmd: Command) =>
      withLedger(cmd, async (call) => {
        const list = await call('categories.list', {});
        const category = findCategory(list, ref, 'category');
        const target = opts.reassignTo === undefined ? undefined : findCategory(list, opts.reassignTo, '--reassign-to');
        const result = await call('categories.delete', { id: category.id, reassignTo: target?.id });
        if (opts.json) return printJson(result);
        const moved = target && result.reassigned > 0 ? `; moved ${result.reassigned} expense${result.reassigned === 1 ? '' : 's'} to “${target.name}”` : '';
        printLine(`Deleted category “${category.name}”${moved}`);
      })
    );
}
