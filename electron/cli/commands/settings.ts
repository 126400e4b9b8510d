import type { Command } from 'commander';
import { contract, DEFAULT_SETTINGS, type Settings } from '../../../shared/contract';
import { printJson, printPairs } from '../output';
import { withLedger } from '../run';
import { integer } from '../values';

function printSettings(settings: Settings): void {
  printPairs(Object.entries(settings).map(([key, value]) => [key, value === '' ? '(system)' : String(value)] as const));
}

/** Accepts default-currency as well as defaultCurrency; the contract rejects keys it does not know. */
function settingKey(key: string): string {
  return key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function addSettingsCommands(program: Command): void {
  const settings = program.command('settings').description('Ledger settings');

  settings
    .command('get')
    .description(contract['settings.get'].summary)
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withLedger(cmd, async (call) => {
        const current = await call('settings.get', {});
        if (opts.json) return printJson(current);
        printSettings(current);
      })
    );

  settings
    .command('set <key> <value>')
    .description(`Change one setting: ${Object.keys(DEFAULT_SETTINGS).join(', ')}`)
    .option('--json', 'print the settings as JSON')
    .action((rawKey: string, value: string, opts: { json?: boolean }, cmd: Command) =>
      withLedger(cmd, async (call) => {
        const key = settingKey(rawKey);
        const typed = typeof DEFAULT_SETTINGS[key as keyof Settings] === 'number' ? integer(value, key) : value;
        const updated = await call('settings.update', { [key]: typed });
        if (opts.json) return printJson(updated);
        printSettings(updated);
      })
    );
}
