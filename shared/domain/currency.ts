import currencyCodes from 'currency-codes';

/** Minor-unit exponent of an ISO 4217 currency (CHF 2, JPY 0, KWD 3), or undefined when unknown. */
export function currencyDigits(code: string): number | undefined {
  const entry = currencyCodes.code(code.toUpperCase());
  if (!entry) return undefined;
  // Funds codes and precious metals list no digits; they are never expense currencies.
  return typeof entry.digits === 'number' ? entry.digits : undefined;
}

export function isIsoCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencyDigits(code) !== undefined;
}

export function currencyName(code: string): string {
  return currencyCodes.code(code)?.currency ?? code;
}

/** Every active ISO 4217 code that has a minor-unit exponent, sorted. */
export function isoCurrencyCodes(): string[] {
  return currencyCodes
    .codes()
    .filter((c) => currencyDigits(c) !== undefined)
    .sort();
}
