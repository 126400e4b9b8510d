import type { Command } from 'commander';
import { contract } from '../../../shared/contract';
import { printJson, printPairs } from '../output';
import { withLedger } from '../run';

export function addInfoCommand(program: Command): void {
  program
    .command('info')
    .description(contract['app.info'].summary)
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }, cmd: Command) =>
      withLedger(cmd, async (call) => {
        const info = await call('app.info', {});
        if (opts.json) return printJson(info);
        printPairs([
          ['Version', info.version],
          ['Data folder', info.dataDir],
          ['Database', info.databasePath],
          ['Platform', info.platform],
        ]);
      })
    );
}
