import type { z } from 'zod';
import { categoriesContract } from './categories';
import { expensesContract } from './expenses';
import { settingsContract } from './settings';

/** Every procedure the UI, the CLI and the tests can call, declared once. */
export const contract = {
  ...categoriesContract,
  ...expensesContract,
  ...settingsContract,
};

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
/** What a caller passes (defaults still optional). */
export type Input<K extends ProcedureName> = z.input<Contract[K]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<K extends ProcedureName> = z.output<Contract[K]['input']>;
export type Output<K extends ProcedureName> = z.output<Contract[K]['output']>;

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export { MAX_BULK_IDS } from './common';
export * from './categories';
export * from './events';
export * from './expenses';
export * from './settings';
