import type { Category } from '../../shared/contract';
import { digitsOf, parseMoney } from '../../shared/domain/money';
import { AppError } from '../../shared/errors';
import { invalidOption } from './errors';

/** Turning what people type into contract values; ranges and formats are left to the contract. */

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Repeatable and comma-separated alike: `--status draft,approved` or `--status draft --status approved`. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

export function nonEmpty<T>(list: readonly T[] | undefined): T[] | undefined {
  return list?.length ? [...list] : undefined;
}

/** Decimal text to integer minor units of the currency; amounts never pass through a float. */
export function money(text: string, currency: string, option: string): number {
  const minor = parseMoney(text, currency);
  if (minor === null) {
    const code = currency.trim().toUpperCase();
    throw invalidOption(option, `“${text}” is not an amount in ${code} (like 12.50, at most ${digitsOf(code)} decimals)`);
  }
  return minor;
}

export function vatRate(text: string, option: string): number {
  const cleaned = text.trim().replace(/\s*%$/, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) throw invalidOption(option, `“${text}” is not a VAT rate in percent (like 8.1)`);
  return Number(cleaned);
}

export function integer(text: string, option: string): number {
  if (!/^[+-]?\d+$/.test(text.trim())) throw invalidOption(option, `“${text}” is not a whole number`);
  return Number(text);
}

/** A category by id or by name in any case: people type names, scripts pass ids. */
export function findCategory(categories: readonly Category[], value: string, option: string): Category {
  const name = value.trim().toLocaleLowerCase();
  const match = categories.find((c) => c.id === value) ?? categories.find((c) => c.name.toLocaleLowerCase() === name);
  if (!match) throw new AppError('NOT_FOUND', `Category ${value} does not exist`, { path: option, id: value });
  return match;
}

/** Like findCategory, where "none" stands for no category. */
export function categoryOrNone(categories: readonly Category[], value: string, option: string): string | null {
  return value.trim().toLowerCase() === 'none' ? null : findCategory(categories, value, option).id;
}
