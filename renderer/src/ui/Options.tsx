import type { Category } from '../../../shared/contract';
import { CURRENCIES } from '../lib/currencies';

/** "Uncategorized" and every category, as the options of a <select>. */
export function CategoryOptions({ categories, noneValue = '' }: { categories: readonly Pick<Category, 'id' | 'name'>[]; noneValue?: string }) {
  return (
    <>
      <option value={noneValue}>Uncategorized</option>
      {categories.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </>
  );
}

/** Every ISO 4217 currency, as the options of a <select>. */
export function CurrencyOptions() {
  return (
    <>
      {CURRENCIES.map((c) => (
        <option key={c.code} value={c.code}>
          {c.label}
        </option>
      ))}
    </>
  );
}
