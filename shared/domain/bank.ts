import { electronicFormatIBAN, friendlyFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';

/** Strips spaces and upper-cases, the form IBANs are stored in. */
export function normalizeIban(input: string): string {
  return electronicFormatIBAN(input) ?? input.replace(/\s+/g, '').toUpperCase();
}

/** ISO 13616: country format and the mod-97 check digits. */
export function isValidIban(input: string): boolean {
  return isValidIBAN(normalizeIban(input));
}

export function formatIban(iban: string): string {
  return friendlyFormatIBAN(iban) ?? iban;
}

export function normalizeBic(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** ISO 9362: 8 or 11 characters, bank code, country, location, optional branch. */
export function isValidBic(input: string): boolean {
  const bic = normalizeBic(input);
  return bic.length <= 11 && isValidBIC(bic);
}
