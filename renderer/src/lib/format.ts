import { useMemo } from 'react';
import { formatMoney } from '../../../shared/domain/money';
import { useSettingsOrDefault } from './queries';

export interface Formatters {
  money(minor: number, currency: string): string;
  /** An ISO calendar day ("2025-03-01") in the reader's locale, without a time-zone shift. */
  date(iso: string): string;
  dateTime(iso: string): string;
  count(n: number): string;
}

export function makeFormatters(localeSetting: string): Formatters {
  const locale = localeSetting || undefined;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  return {
    money: (minor, currency) => formatMoney(minor, currency, locale),
    date: (iso) => {
      const [y, m, d] = iso.split('-').map(Number);
      if (!y || !m || !d) return iso;
      return day.format(new Date(y, m - 1, d));
    },
    dateTime: (iso) => {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : instant.format(at);
    },
    count: (n) => number.format(n),
  };
}

export function useFormat(): Formatters {
  const { locale } = useSettingsOrDefault();
  return useMemo(() => makeFormatters(locale), [locale]);
}

export function plural(n: number, one: string, many: string = `${one}s`): string {
  return n === 1 ? one : many;
}
