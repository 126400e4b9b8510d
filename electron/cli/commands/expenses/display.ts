import type { Category, Settings } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import type { Call } from '../../run';

/** What printing expenses for people needs: their locale and the names behind category ids. */
export interface Display {
  settings: Settings;
  categories: Category[];
  money(minor: number, currency: string): string;
  categoryName(id: string | null): string;
}

export async function loadDisplay(call: Call): Promise<Display> {
  const [settings, categories] = await Promise.all([call('settings.get', {}), call('categories.list', {})]);
  const names = new Map(categories.map((c) => [c.id, c.name]));
  return {
    settings,
    categories,
    money: (minor, currency) => formatMoney(minor, currency, settings.locale || undefined),
    categoryName: (id) => (id ? (names.get(id) ?? id) : '—'),
  };
}

export function totalsLine(d: Display, t: { net: number; tax: number; gross: number }, currency: string): string {
  return `${d.money(t.gross, currency)} (net ${d.money(t.net, currency)}, VAT ${d.money(t.tax, currency)})`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
