import { currencyName, isoCurrencyCodes } from '../../../shared/domain/currency';

/** Every ISO 4217 currency an expense can be in, with its name, for pickers. */
export const CURRENCIES = isoCurrencyCodes().map((code) => ({ code, label: `${code} · ${currencyName(code)}` }));
