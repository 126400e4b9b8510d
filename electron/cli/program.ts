import { Command } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { addCategoryCommands } from './commands/categories';
import { addExpenseCommands } from './commands/expenses';
import { addInfoCommand } from './commands/info';
import { addSettingsCommands } from './commands/settings';

export function buildProgram(): Command {
  const program = new Command('shoebox')
    .description(pkg.description)
    .version(pkg.version)
    .option('--data-dir <path>', "the ledger's folder (default: $SHOEBOX_DATA_DIR, else the app's data folder)")
    // Set before adding commands so every subcommand inherits them: errors are reported by index.ts, in one format.
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  addCategoryCommands(program);
  addExpenseCommands(program);
  addSettingsCommands(program);
  addInfoCommand(program);
  return program;
}
