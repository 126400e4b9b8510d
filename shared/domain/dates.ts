// Per-function entry points: the package root loads all of date-fns, which costs the CLI most of a second per run.
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

/** Calendar days travel as ISO strings (YYYY-MM-DD); instants as full ISO timestamps. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = parseISO(text);
  return isValid(d) && format(d, 'yyyy-MM-dd') === text;
}

export function todayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}
