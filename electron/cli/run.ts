import type { Command } from 'commander';
import type { Input, Output, ProcedureName } from '../../shared/contract';
import { dispatch } from '../main/dispatch';
import { createServices } from '../main/services';
import { resolveDataDir } from '../main/services/data-dir';

export type Call = <K extends ProcedureName>(name: K, input: Input<K>) => Promise<Output<K>>;

/**
 * Opens the ledger for one command and closes it however the command ends. Every call goes through
 * dispatch(), so the CLI validates and fails exactly as the app does.
 */
export async function withLedger<T>(cmd: Command, work: (call: Call) => Promise<T>): Promise<T> {
  const { dataDir } = cmd.optsWithGlobals<{ dataDir?: string }>();
  const services = createServices({ dataDir: resolveDataDir({ flag: dataDir }) });
  const call: Call = async <K extends ProcedureName>(name: K, input: Input<K>) => (await dispatch(services.handlers, name, input)) as Output<K>;
  try {
    return await work(call);
  } finally {
    services.close();
  }
}
