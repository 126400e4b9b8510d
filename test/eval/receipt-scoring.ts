/**
 * Scoring for the receipt evaluation, independent of the extractors it scores.
 *
 * - total: equal to the cent. Ground truth like "9.00", "$8.20", "RM 3.90" is read as its digits.
 * - date: the same calendar day. Ground truth is day-first in mixed formats ("25/12/2018",
 *   "05-01-17", "2018-03-12", "20180304", "05 MAR 2018", "28 MAR 18"); a day-first reading that is
 *   impossible (month 13) falls back to month-first.
 * - vendor: normalised text similarity >= 0.8, where both names are lower-cased, every run of
 *   characters other than a-z/0-9 becomes one space, and similarity = 1 - Levenshtein distance /
 *   length of the longer string (character level).
 */

export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

export function nameSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  const x = normaliseName(a ?? '');
  const y = normaliseName(b ?? '');
  if (!x && !y) return 1;
  if (!x || !y) return 0;
  return 1 - levenshtein(x, y) / Math.max(x.length, y.length);
}

/** "9.00", "$8.20", "RM 3.90", "1,234.50" → "9.00", "8.20", "3.90", "1234.50"; null when empty. */
export function normaliseTotal(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = /(\d[\d,]*)(?:\.(\d{1,2}))?/.exec(text.replace(/\s/g, ''));
  if (!m) return null;
  return `${m[1]!.replace(/,/g, '')}.${(m[2] ?? '').padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Ground-truth date (day-first) to YYYY-MM-DD, or null. */
export function groundTruthDate(text: string | null | undefined): string | null {
  const t = (text ?? '').trim().toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t);
  if (m) return iso(year(m[3]!), Number(m[2]), Number(m[1])) ?? iso(year(m[3]!), Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[\s-]*([a-z]{3})[a-z]*[\s-]*(\d{2}|\d{4})$/.exec(t);
  if (m && MONTHS.includes(m[2]!)) return iso(year(m[3]!), MONTHS.indexOf(m[2]!) + 1, Number(m[1]));
  return null;
}
