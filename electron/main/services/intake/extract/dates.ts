import { fold } from './text';

/**
 * Dates as receipts and invoices print them: 25/12/2018, 05/01/17, 2018-03-12, 12.03.2018,
 * 20180312, 12 Mar 2018, 12-MAR-18, March 12, 2018, 12. März 2018, 1er janvier 2018, 12 marzo 2018.
 * Day-first or month-first comes from the locale; a reading that is impossible (month 13) or
 * implausible (in the future, or more than ten years back) is dropped.
 */

export interface DateOptions {
  /** Read 03/04/2018 as 3 April (true, most of the world) or as March 4 (false, en-US). */
  dayFirst: boolean;
  now: Date;
  /** How far back a date may lie, in years (default 10). */
  maxAgeYears?: number;
  /** How far ahead a date may lie, in days (default 1: a receipt is never from tomorrow). */
  maxAheadDays?: number;
}

export interface DateMatch {
  /** YYYY-MM-DD */
  iso: string;
  raw: string;
  start: number;
  end: number;
  /** How clear the reading is, 0..1: four-digit year, unambiguous order, month name. */
  clarity: number;
}

/** Locales whose convention is month first. */
const MONTH_FIRST_LOCALES = /^en-(US|PH|FM|MH|PW|AS|GU|MP|PR|UM|VI)\b|^en$/i;

/** Day-first unless the locale says otherwise; bare "en" is taken as en-US. */
export function dayFirstFor(locale: string | undefined): boolean {
  if (!locale) return true;
  return !MONTH_FIRST_LOCALES.test(locale);
}

const MONTHS: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'januar', 'janner', 'janvier', 'janv', 'gennaio', 'gen']],
  [2, ['february', 'feb', 'februar', 'febr', 'fevrier', 'fevr', 'fev', 'febbraio']],
  [3, ['march', 'mar', 'marz', 'maerz', 'mrz', 'mars', 'marzo']],
  [4, ['april', 'apr', 'avril', 'avr', 'aprile']],
  [5, ['may', 'mai', 'maggio', 'mag']],
  [6, ['june', 'jun', 'juni', 'juin', 'giugno', 'giu']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'luglio', 'lug']],
  [8, ['august', 'aug', 'aout', 'agosto', 'ago']],
  [9, ['september', 'sep', 'sept', 'septembre', 'settembre', 'set']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'ottobre', 'ott']],
  [11, ['november', 'nov', 'novembre']],
  [12, ['december', 'dec', 'dezember', 'dez', 'decembre', 'dicembre', 'dic']],
];
const MONTH_BY_NAME = new Map(MONTHS.flatMap(([n, names]) => names.map((name) => [name, n] as const)));
const MONTH_ALT = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');

const SEP = String.raw`\s?[./\-]\s?`;
/** d/m/y, m/d/y and y-m-d with any of . / - (OCR may mix them), y in 2 or 4 digits. */
const NUMERIC = new RegExp(String.raw`(?<![\d.,])(\d{1,4})(${SEP})(\d{1,2})(${SEP})(\d{2,4})(?!\d|[.,]\d|\s?[./\-]\s?\d)`, 'g');
/**
 * OCR damage to a date's separators: one dropped (ddmm/yyyy, dd/mmyyyy), all dropped (ddmmyyyy),
 * or slashes read as the digit 1 (dd1mm1yyyy). Only read next to a date label or a time.
 */
const DROPPED_SEP = new RegExp(
  [
    String.raw`(?<![\d.,/-])(\d{2})(\d{2})[./-](\d{4})(?![\d/.-])`,
    String.raw`(?<![\d.,/-])(\d{2})[./-](\d{2})(\d{4})(?![\d/.-])`,
    String.raw`(?<![\d.,/-])(\d{2})(\d{2})((?:19|20)\d{2})(?![\d/.-])`,
    String.raw`(?<![\d.,/-])(\d{2})[1lI|](\d{2})[1lI|]((?:19|20)\d{2})(?![\d/.-])`,
  ].join('|'),
  'g'
);
const COMPACT_DMY = /(?<![\d.,/-])(\d{2})(\d{2})((?:19|20)\d{2})(?![\d.,/-])/g;
/** 20180312 */
const COMPACT = /(?<!\d)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/g;
/** 12 Mar 2018, 12-MAR-18, 12. März 2018, 1er janvier 2018 */
const DAY_MONTH = new RegExp(String.raw`(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|\.)?[\s\-/.]{0,3}(${MONTH_ALT})\.?(?![\p{L}])[\s\-/.,']{0,3}(\d{4}|\d{2})(?!\d)`, 'giu');
/** March 12, 2018 / Mar 12 2018 */
const MONTH_DAY = new RegExp(String.raw`(?<![\p{L}])(${MONTH_ALT})\.?\s{0,2}(\d{1,2})(?:st|nd|rd|th)?,?\s{0,2}(\d{4})(?!\d)`, 'giu');

function fullYear(y: number, digits: number, now: Date): number {
  if (digits === 4) return y;
  // Two-digit years: this century unless that would be more than a year ahead.
  const century = Math.floor(now.getUTCFullYear() / 100) * 100;
  return century + y > now.getUTCFullYear() + 1 ? century - 100 + y : century + y;
}

function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isPlausible(iso: string, options: DateOptions): boolean {
  const t = Date.parse(`${iso}T00:00:00Z`);
  const now = options.now.getTime();
  const ahead = (options.maxAheadDays ?? 1) * 86_400_000;
  const back = (options.maxAgeYears ?? 10) * 365.25 * 86_400_000;
  return t <= now + ahead && t >= now - back;
}

/** Every plausible date in a line of text. */
export function findDates(line: string, options: DateOptions): DateMatch[] {
  const text = line.replace(/[Oo](?=\d)|(?<=\d)[Oo]/g, '0');
  const folded = fold(text);
  const found: DateMatch[] = [];
  const push = (iso: string | null, start: number, raw: string, clarity: number) => {
    if (!iso || !isPlausible(iso, options)) return;
    if (found.some((f) => start < f.end && start + raw.length > f.start)) return;
    found.push({ iso, raw, start, end: start + raw.length, clarity });
  };

  for (const m of folded.matchAll(DAY_MONTH)) {
    const month = MONTH_BY_NAME.get(m[2]!.toLowerCase())!;
    const year = fullYear(Number(m[3]), m[3]!.length, options.now);
    push(isoOf(year, month, Number(m[1])), m.index!, m[0], m[3]!.length === 4 ? 1 : 0.9);
  }
  for (const m of folded.matchAll(MONTH_DAY)) {
    const month = MONTH_BY_NAME.get(m[1]!.toLowerCase())!;
    push(isoOf(Number(m[3]), month, Number(m[2])), m.index!, m[0], 1);
  }
  for (const m of text.matchAll(NUMERIC)) {
    const [raw, a, sep1, b, sep2, c] = m as unknown as string[];
    const sameSep = sep1!.trim() === sep2!.trim();
    const spaced = sep1 !== sep1!.trim() || sep2 !== sep2!.trim();
    let clarity = (sameSep ? 1 : 0.7) * (spaced ? 0.8 : 1);
    if (a!.length === 4) {
      // y-m-d (ISO and its cousins); y-d-m does not occur in practice.
      if (c!.length > 2) continue;
      push(isoOf(Number(a), Number(b), Number(c)), m.index!, raw!, clarity);
      continue;
    }
    if (a!.length > 2 || c!.length === 3) continue;
    const year = fullYear(Number(c), c!.length, options.now);
    if (c!.length === 2) clarity *= 0.9;
    const dm = isoOf(year, Number(b), Number(a));
    const md = isoOf(year, Number(a), Number(b));
    const dmOk = dm !== null && isPlausible(dm, options);
    const mdOk = md !== null && isPlausible(md, options);
    if (dmOk && mdOk && dm !== md) {
      push(options.dayFirst ? dm : md, m.index!, raw!, clarity * 0.85);
    } else if (dmOk) {
      push(dm, m.index!, raw!, options.dayFirst ? clarity : clarity * 0.9);
    } else if (mdOk) {
      push(md, m.index!, raw!, options.dayFirst ? clarity * 0.9 : clarity);
    }
  }
  // OCR drops a separator: "1003/2018", "10/032018". Read only next to a date label or a time.
  if (/\b(?:date|datum|data|tarikh)\b/i.test(folded) || /\d:\d\d/.test(text)) {
    for (const m of text.matchAll(DROPPED_SEP)) {
      const at = [1, 4, 7, 10].find((i) => m[i] !== undefined)!;
      const [d, mo, y] = [m[at], m[at + 1], m[at + 2]];
      const dayMonth = options.dayFirst ? [Number(d), Number(mo)] : [Number(mo), Number(d)];
      push(isoOf(fullYear(Number(y), y!.length, options.now), dayMonth[1]!, dayMonth[0]!), m.index!, m[0], 0.5);
    }
  }
  for (const m of text.matchAll(COMPACT)) {
    push(isoOf(Number(m[1]), Number(m[2]), Number(m[3])), m.index!, m[0], 0.6);
  }
  // ddmmyyyy (or mmddyyyy), eight digits on their own: weak, but the plausibility window keeps
  // random numbers out (barcodes are longer, amounts have separators).
  for (const m of text.matchAll(COMPACT_DMY)) {
    const [a, b] = options.dayFirst ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
    push(isoOf(Number(m[3]), b, a), m.index!, m[0], 0.4);
  }
  return found.sort((x, y) => x.start - y.start);
}

/** A single date written in any accepted way, or null. */
export function parseDate(text: string, options: DateOptions): string | null {
  const found = findDates(text, options);
  return found.length === 1 ? found[0]!.iso : null;
}

const DATE_WORD = /\b(?:date|datum|data|dated|tarikh|fecha|rechnungsdatum|belegdatum|kaufdatum|lieferdatum|issued|ausgestellt|emis|emessa|invoice date|date de facture|data fattura|tgl|tarikh)\b/;
const NOT_DOCUMENT_DATE = /\b(?:due|fallig|falligkeit|zahlbar|echeance|scadenza|payable|pay by|valid|gultig|expir\w*|exp|until|bis|jusqu|entro|period|zeitraum|periode|periodo|since|seit|birth|geburt|delivery|liefer\w*|livraison|consegna|from|to|vom|au)\b/;
const TIME_NEAR = /\b\d{1,2}:\d{2}(?::\d{2})?\b/;

export interface DocumentDate {
  iso: string;
  confidence: number;
  lineIndex: number;
  raw: string;
}

/**
 * The date of the document: among all plausible dates, the one next to a "Date/Datum" label or a
 * time of day (till receipts print both), away from due/validity/period wording; earlier lines
 * win ties. Lines are given as [key, text] pairs (key: lower-case folded, for the labels).
 */
export function pickDocumentDate(
  lines: ReadonlyArray<{ index: number; key: string; text: string; alternatives?: ReadonlyArray<{ text: string; key: string }> }>,
  options: DateOptions
): DocumentDate | null {
  let best: (DocumentDate & { score: number }) | null = null;
  const byDate = new Map<string, DocumentDate & { score: number; lines: number }>();
  for (const line of lines) {
    // Each reading of the line votes for its dates; readings that agree strengthen the date.
    const votes = new Map<string, { score: number; readings: number; raw: string }>();
    for (const reading of [line, ...(line.alternatives ?? [])]) {
      const seen = new Set<string>();
      for (const match of findDates(reading.text, options)) {
        if (seen.has(match.iso)) continue;
        seen.add(match.iso);
        let score = match.clarity;
        if (DATE_WORD.test(reading.key) || DATE_WORD.test(line.key)) score += 1.5;
        if (TIME_NEAR.test(reading.text.slice(match.end)) || TIME_NEAR.test(reading.text.slice(0, match.start))) score += 0.8;
        if (NOT_DOCUMENT_DATE.test(line.key)) score -= 1.5;
        score -= Math.min(0.5, line.index * 0.01);
        const vote = votes.get(match.iso);
        votes.set(match.iso, { score: Math.max(vote?.score ?? -Infinity, score), readings: (vote?.readings ?? 0) + 1, raw: vote?.raw ?? reading.text });
      }
    }
    for (const [iso, vote] of votes) {
      const score = vote.score + 0.3 * (vote.readings - 1);
      const entry = byDate.get(iso);
      if (!entry || score > entry.score) byDate.set(iso, { iso, confidence: 0, lineIndex: line.index, raw: vote.raw, score, lines: (entry?.lines ?? 0) + 1 });
      else entry.lines++;
    }
  }
  // A date printed on several lines (header and footer of a till receipt) is surer.
  for (const entry of byDate.values()) {
    const score = entry.score + 0.3 * (entry.lines - 1);
    if (!best || score > best.score) best = { iso: entry.iso, confidence: 0, lineIndex: entry.lineIndex, raw: entry.raw, score };
  }
  if (!best) return null;
  const { score, ...rest } = best;
  return { ...rest, confidence: Math.round(Math.max(0.2, Math.min(0.95, 0.35 + score * 0.22)) * 100) / 100 };
}
