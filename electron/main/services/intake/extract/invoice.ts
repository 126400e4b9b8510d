import { isValidIban, normalizeIban } from '../../../../../shared/domain/bank';
import { findDates, type DateOptions } from './dates';
import { keywords, type Line } from './text';

/**
 * Invoice details: the number as labelled, the due date (a date by "due / fällig / échéance /
 * scadenza", or a payment term in days counted from the document date) and the IBAN (mod-97 checked).
 */

const INVOICE_LABEL = keywords([
  'invoice no', 'invoice number', 'invoice nr', 'invoice #', 'invoice', 'inv no', 'inv #', 'rechnung nr', 'rechnungs nr', 'rechnungsnummer', 're nr',
  'rechnung', 'facture no', 'facture n°', 'facture n', 'facture', 'n° de facture', 'no de facture', 'numero de facture', 'fattura n', 'fattura nr',
  'fattura', 'numero fattura', 'n. fattura',
]);
const RECEIPT_LABEL = keywords([
  'receipt no', 'receipt #', 'receipt number', 'bill no', 'bill #', 'doc no', 'document no', 'cash bill no', 'invoice no', 'beleg nr', 'belegnummer',
  'beleg', 'quittung nr', 'bon nr', 'ticket n°', 'ticket no', 'scontrino n', 'ricevuta n', 'transaction no', 'trans no', 'order no', 'check no', 'chk',
]);
const NUMBER_VALUE = /^[\s:#.\-]*(?:no\.?|nr\.?|n°|no:|number|nummer|numero|num\.?)?[\s:#.\-]*([A-Z0-9][A-Z0-9\-/._]{1,30})/i;

export interface Found<T> {
  value: T;
  confidence: number;
  lineIndex: number;
  raw: string;
}

export function findInvoiceNumber(lines: readonly Line[]): Found<string> | null {
  for (const [label, confidence] of [
    [INVOICE_LABEL, 0.8],
    [RECEIPT_LABEL, 0.6],
  ] as const) {
    for (const line of lines) {
      const m = label.exec(line.key);
      if (!m) continue;
      // Offsets in the key match the text for the characters that matter (ASCII labels).
      const rest = line.text.slice(m.index + m[0].length);
      const v = NUMBER_VALUE.exec(rest) ?? (rest.trim() === '' && lines[line.index + 1] ? NUMBER_VALUE.exec(lines[line.index + 1]!.text) : null);
      const value = v?.[1]?.replace(/[.\-/]+$/, '');
      // A number has a digit and is not a date or an amount.
      if (!value || !/\d/.test(value) || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(value) || /^\d+[.,]\d{2}$/.test(value)) continue;
      return { value, confidence, lineIndex: line.index, raw: line.text };
    }
  }
  return null;
}

const DUE = keywords([
  'due date', 'due', 'payment due', 'pay by', 'payable by', 'payable until', 'payable before', 'fallig', 'fallig am', 'falligkeit', 'zahlbar bis',
  'zahlungsfrist', 'zahlbar am', 'echeance', 'date d echeance', 'payable jusqu au', 'a payer avant', 'a payer jusqu au', 'scadenza', 'data di scadenza',
  'data scadenza', 'pagabile entro', 'da pagare entro', 'entro il',
]);
const TERM = /\b(?:zahlbar\s+(?:innert|innerhalb(?:\s+von)?|in)|payable\s+within|payment\s+within|within|net|netto|payable\s+a|a\s+payer\s+sous|sous|paiement\s+a|entro|pagamento\s+a)\s+(\d{1,3})\s*(?:tagen|tage|days|jours|giorni|gg|d)\b/;

export function findDueDate(lines: readonly Line[], documentDate: string | null, options: DateOptions): Found<string> | null {
  const ahead: DateOptions = { ...options, maxAheadDays: 730 };
  for (const line of lines) {
    if (!DUE.test(line.key)) continue;
    const dates = findDates(line.text, ahead);
    const next = lines[line.index + 1];
    const pick = dates.at(-1) ?? (next ? findDates(next.text, ahead)[0] : undefined);
    if (pick && (!documentDate || pick.iso >= documentDate)) return { value: pick.iso, confidence: 0.8, lineIndex: line.index, raw: line.text };
  }
  if (documentDate) {
    for (const line of lines) {
      const m = TERM.exec(line.key);
      if (!m) continue;
      const days = Number(m[1]);
      if (days < 1 || days > 180) continue;
      const due = new Date(Date.parse(`${documentDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      return { value: due, confidence: 0.6, lineIndex: line.index, raw: line.text };
    }
  }
  return null;
}

const IBAN_START = /(?<![A-Z0-9])([A-Z]{2}\s?\d{2}(?:\s?[A-Z0-9]){10,32})/g;

/** IBANs on a line: the longest prefix of an IBAN-looking run that passes the mod-97 check. */
export function ibansIn(text: string): string[] {
  const found: string[] = [];
  const upper = text.toUpperCase();
  for (const m of upper.matchAll(IBAN_START)) {
    const compact = m[1]!.replace(/\s/g, '');
    for (let len = Math.min(34, compact.length); len >= 15; len--) {
      const candidate = compact.slice(0, len);
      // OCR reads 0 as O in the check digits and the account part of some countries.
      const variants = [candidate, candidate.slice(0, 2) + candidate.slice(2).replace(/O/g, '0')];
      const ok = variants.find((v) => isValidIban(v));
      if (ok) {
        found.push(normalizeIban(ok));
        break;
      }
    }
  }
  return found;
}

export function findIban(lines: readonly Line[]): Found<string> | null {
  for (const line of lines) {
    const [iban] = ibansIn(line.text);
    if (iban) return { value: iban, confidence: /\biban\b/.test(line.key) ? 0.95 : 0.85, lineIndex: line.index, raw: line.text };
  }
  return null;
}
