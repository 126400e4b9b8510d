import type { Command } from 'commander';
import { addAddCommand } from './add';
import { addBulkCommands } from './bulk';
import { addListCommand } from './list';
import { addShowCommand } from './show';

export function addExpenseCommands(program: Command): void {
  const expenses = program.command('expenses').description('Receipts and invoices: list, add, review');
  addListCommand(expenses);
  addShowCommand(expenses);
  addAddCommand(expenses);
  addBulkCommands(expenses);
}
