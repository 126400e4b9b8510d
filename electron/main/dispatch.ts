import type { z } from 'zod';
import { contract, isProcedureName, type Output, type ParsedInput, type ProcedureName } from '../../shared/contract';
import { AppError, toErrorData, type ErrorData, type FieldIssue } from '../../shared/errors';

/** One function per procedure of the contract, taking validated input. */
export type Handlers = { [K in ProcedureName]: (input: ParsedInput<K>) => Output<K> | Promise<Output<K>> };

export type InvokeResult = { ok: true; data: unknown } | { ok: false; error: ErrorData };

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') {
      return { path: [...i.path, ...i.keys].join('.'), message: `Unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}` };
    }
    return { path: i.path.join('.'), message: i.message };
  });
}

/**
 * The one way into the services, shared by the IPC adapter, the browser bridge and the CLI:
 * validate the input against the contract, run the handler, check the answer.
 */
export async function dispatch(handlers: Handlers, name: unknown, input: unknown): Promise<unknown> {
  if (!isProcedureName(name)) throw new AppError('UNKNOWN_PROCEDURE', `There is no procedure called ${String(name)}`);
  const def = contract[name];
  const parsed = def.input.safeParse(input ?? {});
  if (!parsed.success) throw AppError.validation(zodIssues(parsed.error));
  const handler = handlers[name] as (i: unknown) => unknown;
  const output = await handler(parsed.data);
  const checked = def.output.safeParse(output);
  if (!checked.success) {
    throw new Error(`Handler ${name} answered outside its contract: ${JSON.stringify(zodIssues(checked.error))}`);
  }
  return checked.data;
}

/** dispatch() with every failure turned into error data; unexpected errors go to the log. */
export async function invokeSafely(
  handlers: Handlers,
  name: unknown,
  input: unknown,
  log: (err: unknown, name: unknown) => void = (err, n) => console.error(`[shoebox] ${String(n)} failed`, err)
): Promise<InvokeResult> {
  try {
    return { ok: true, data: await dispatch(handlers, name, input) };
  } catch (err) {
    const error = toErrorData(err);
    if (error.code === 'INTERNAL') log(err, name);
    return { ok: false, error };
  }
}
