import { z } from 'zod';
import { isValidBic, isValidIban, normalizeBic, normalizeIban } from '../domain/bank';
import { isIsoCurrency } from '../domain/currency';
import { isIsoDate } from '../domain/dates';

export const id = z.string().min(1).max(64);
/** Bulk actions take up to this many ids: a whole filtered list of a large ledger. */
export const MAX_BULK_IDS = 100_000;
export const ids = z.array(id).min(1).max(MAX_BULK_IDS);

export const isoDate = z.string().refine(isIsoDate, { message: 'Expected a calendar date as YYYY-MM-DD' });
export const isoTimestamp = z.string();

export const currency = z
  .string()
  .transform((c) => c.trim().toUpperCase())
  .refine(isIsoCurrency, { message: 'Not an ISO 4217 currency code' });

export const iban = z
  .string()
  .transform(normalizeIban)
  .refine(isValidIban, { message: 'Not a valid IBAN (country format or check digits are wrong)' });

export const bic = z
  .string()
  .transform(normalizeBic)
  .refine((b) => b.length <= 11, { message: 'A BIC has at most 11 characters' })
  .refine(isValidBic, { message: 'Not a well-formed BIC' });

/** Integer minor units (cents, Rappen); never a float. */
export const minorUnits = z.number().int().refine(Number.isSafeInteger, { message: 'Amount is too large' });

export const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Expected a color like #1f8a70');

export const trimmed = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, 'Required').max(max);
