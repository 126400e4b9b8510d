import { digitsOf, toDecimalString } from '../../../../shared/domain/money';
import { normalizeVendorName } from '../../../../shared/domain/vendor';
import type { ExtractedFields, Field } from '../intake/extract/types';
import type { AiExtraction, AiField, AnySource, DocumentType, LineItem, PaymentMethod, VatEntry } from './types';

/**
 * Merges the offline extractor's fields with the AI's, field by field (a pure function).
 *
 *  - Only one side has a value: it is taken as is.
 *  - Both agree: the value stands and its confidence rises (noisy-or: 1 - (1-a)(1-b), at most 0.99);
 *    the offline side's evidence (raw line, line index) is kept.
 *  - They disagree: the higher confidence wins (a tie goes to the offline reading, which has
 *    evidence on the page); its confidence drops by half the loser's (c_w * (1 - c_l / 2)) and the
 *    loser is kept in `alternatives` for the review screen.
 *  - Amounts read in a currency with other decimals than the merged currency are set aside
 *    (with a note): their minor units would mean something else.
 *  - VAT lines merge as a list: entries match on tax amount (and rate when both have one); the list
 *    with the higher mean confidence wins, matched entries rise, the other list is kept in
 *    `vatAlternative` unless both lists are the same.
 *  - Finally the amounts are checked against each other: subtotal + tax = total raises the three
 *    (c + (1-c)/2); a mismatch cuts them (x 0.75) and adds a note; subtotal = total (prices
 *    include tax) says nothing. The sum of the VAT lines against the tax total works the same way.
 *
 * "Agree" is per field: the same amount or day exactly; vendor names equal after normalising
 * (legal forms, accents, case), or one containing the other ("Migros" / "Migros Zürich HB");
 * addresses and invoice numbers equal ignoring case, spaces and punctuation.
 */

export interface Alternative<T> {
  value: T;
  confidence: number;
  source: AnySource;
}

export interface MergedField<T> {
  value: T;
  confidence: number;
  source: AnySource;
  raw?: string;
  line?: number;
  /** Both extractors read this value. */
  agreed: boolean;
  /** What the other extractor read instead. */
  alternatives: Array<Alternative<T>>;
}

export type AmountsCheck = 'consistent' | 'inconsistent' | 'not-applicable';

export interface MergedExtraction {
  vendorName: MergedField<string> | null;
  vendorAddress: MergedField<string> | null;
  vendorVatId: MergedField<string> | null;
  date: MergedField<string> | null;
  dueDate: MergedField<string> | null;
  total: MergedField<number> | null;
  subtotal: MergedField<number> | null;
  taxTotal: MergedField<number> | null;
  vat: Array<MergedField<VatEntry>>;
  /** The VAT list the other extractor read, when it differs from `vat`. */
  vatAlternative: { entries: VatEntry[]; confidence: number; source: AnySource } | null;
  currency: MergedField<string>;
  documentType: MergedField<DocumentType>;
  invoiceNumber: MergedField<string> | null;
  iban: MergedField<string> | null;
  paymentMethod: MergedField<PaymentMethod> | null;
  lineItems: Array<MergedField<LineItem>>;
  /** subtotal + tax = total? */
  amountsCheck: AmountsCheck;
  notes: string[];
}

/** The AI side as merge needs it (the extraction's `meta` is not used). */
export type AiFields = Omit<AiExtraction, 'meta'>;

type AnyField<T> = (Omit<Field<T>, 'source'> & { source: AnySource }) | AiField<T>;

const round = (c: number) => Math.round(Math.min(1, Math.max(0, c)) * 1000) / 1000;
export const agreeConfidence = (a: number, b: number) => round(Math.min(0.99, 1 - (1 - a) * (1 - b)));
export const disagreeConfidence = (winner: number, loser: number) => round(winner * (1 - loser / 2));
const boost = (c: number) => round(Math.min(0.99, c + (1 - c) / 2));
const cut = (c: number) => round(c * 0.75);

function lift<T>(f: AnyField<T>): MergedField<T> {
  return {
    value: f.value,
    confidence: f.confidence,
    source: f.source,
    ...('raw' in f && f.raw !== undefined && { raw: f.raw }),
    ...('line' in f && f.line !== undefined && { line: f.line }),
    agreed: false,
    alternatives: [],
  };
}

function pick<T>(offline: AnyField<T> | null | undefined, ai: AnyField<T> | null | undefined, same: (a: T, b: T) => boolean): MergedField<T> | null {
  if (!offline && !ai) return null;
  if (!offline) return lift(ai!);
  if (!ai) return lift(offline);
  const offlineWins = offline.confidence >= ai.confidence;
  const [winner, loser] = offlineWins ? [offline, ai] : [ai, offline];
  if (same(offline.value, ai.value)) {
    const merged = lift(winner);
    // Keep the evidence on the page, whichever side won.
    const evidence = lift(offline);
    return {
      ...merged,
      ...(evidence.raw !== undefined && { raw: evidence.raw }),
      ...(evidence.line !== undefined && { line: evidence.line }),
      confidence: agreeConfidence(offline.confidence, ai.confidence),
      agreed: true,
    };
  }
  return {
    ...lift(winner),
    confidence: disagreeConfidence(winner.confidence, loser.confidence),
    alternatives: [{ value: loser.value, confidence: loser.confidence, source: loser.source }],
  };
}

const exact = <T>(a: T, b: T) => a === b;
const loose = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const sameLoose = (a: string, b: string) => loose(a) === loose(b);
export function sameVendor(a: string, b: string): boolean {
  const x = normalizeVendorName(a);
  const y = normalizeVendorName(b);
  if (!x || !y) return false;
  return x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `);
}

function vatMatches(a: VatEntry, b: VatEntry): boolean {
  return a.tax === b.tax && (a.rateBp === null || b.rateBp === null || a.rateBp === b.rateBp);
}

function mergeVat(
  offline: ReadonlyArray<AnyField<VatEntry>>,
  ai: ReadonlyArray<AnyField<VatEntry>>
): { vat: Array<MergedField<VatEntry>>; alternative: MergedExtraction['vatAlternative'] } {
  if (ai.length === 0) return { vat: offline.map(lift), alternative: null };
  if (offline.length === 0) return { vat: ai.map(lift), alternative: null };
  const mean = (list: ReadonlyArray<AnyField<VatEntry>>) => list.reduce((s, f) => s + f.confidence, 0) / list.length;
  const offlineWins = mean(offline) >= mean(ai);
  const [winner, loser] = offlineWins ? [offline, ai] : [ai, offline];
  const used = new Set<number>();
  const vat = winner.map((entry) => {
    const i = loser.findIndex((other, j) => !used.has(j) && vatMatches(entry.value, other.value));
    if (i < 0) return lift(entry);
    used.add(i);
    const other = loser[i]!;
    const [off, fromAi] = offlineWins ? [entry, other] : [other, entry];
    return {
      ...lift(entry),
      ...('raw' in off && off.raw !== undefined && { raw: off.raw }),
      ...('line' in off && off.line !== undefined && { line: off.line }),
      // The offline reader may have net and gross where the model gave rate and tax only.
      value: {
        rateBp: entry.value.rateBp ?? other.value.rateBp,
        net: entry.value.net ?? other.value.net,
        tax: entry.value.tax,
        gross: entry.value.gross ?? other.value.gross,
      },
      confidence: agreeConfidence(off.confidence, fromAi.confidence),
      agreed: true,
    };
  });
  const identical = used.size === loser.length && used.size === winner.length;
  if (identical) return { vat, alternative: null };
  return {
    vat: vat.map((v) => (v.agreed ? v : { ...v, confidence: disagreeConfidence(v.confidence, mean(loser)) })),
    alternative: { entries: loser.map((f) => f.value), confidence: round(mean(loser)), source: loser[0]!.source },
  };
}

export function mergeExtractions(offline: ExtractedFields, ai: AiFields | null): MergedExtraction {
  const notes: string[] = [...(ai?.notes ?? [])];
  const currency = pick<string>(offline.currency, ai?.currency, exact)!;
  const code = currency.value;
  const digits = digitsOf(code);
  const offlineAmountsOk = digitsOf(offline.currency.value) === digits;
  const aiAmountsOk = ai ? digitsOf(ai.currency.value) === digits : true;
  if (!offlineAmountsOk) notes.push(`Amounts read offline as ${offline.currency.value} were set aside: the document is in ${code}.`);
  if (ai && !aiAmountsOk) notes.push(`Amounts read by the AI as ${ai.currency.value} were set aside: the document is in ${code}.`);
  const offAmount = <T>(f: T | null) => (offlineAmountsOk ? f : null);
  const aiAmount = <T>(f: T | null | undefined) => (aiAmountsOk ? (f ?? null) : null);

  let total = pick<number>(offAmount(offline.total), aiAmount(ai?.total), exact);
  let subtotal = pick<number>(offAmount(offline.subtotal), aiAmount(ai?.subtotal), exact);
  let taxTotal = ai && aiAmountsOk && ai.taxTotal ? lift(ai.taxTotal) : null;
  const vatMerge = mergeVat(offlineAmountsOk ? offline.vat : [], ai && aiAmountsOk ? ai.vat : []);
  let vat = vatMerge.vat;

  // Amounts against each other.
  let amountsCheck: AmountsCheck = 'not-applicable';
  const vatSum = vat.length > 0 ? vat.reduce((s, v) => s + v.value.tax, 0) : null;
  const money = (minor: number) => toDecimalString(minor, code);
  if (taxTotal && vatSum !== null) {
    if (taxTotal.value === vatSum) {
      taxTotal = { ...taxTotal, confidence: boost(taxTotal.confidence) };
      vat = vat.map((v) => ({ ...v, confidence: boost(v.confidence) }));
    } else {
      taxTotal = { ...taxTotal, confidence: cut(taxTotal.confidence) };
      vat = vat.map((v) => ({ ...v, confidence: cut(v.confidence) }));
      notes.push(`The VAT lines add up to ${money(vatSum)}, the tax total reads ${money(taxTotal.value)}.`);
    }
  }
  const tax = taxTotal?.value ?? vatSum;
  if (total && subtotal && tax !== null && subtotal.value !== total.value) {
    if (subtotal.value + tax === total.value) {
      amountsCheck = 'consistent';
      total = { ...total, confidence: boost(total.confidence) };
      subtotal = { ...subtotal, confidence: boost(subtotal.confidence) };
      if (taxTotal) taxTotal = { ...taxTotal, confidence: boost(taxTotal.confidence) };
      else vat = vat.map((v) => ({ ...v, confidence: boost(v.confidence) }));
    } else {
      amountsCheck = 'inconsistent';
      total = { ...total, confidence: cut(total.confidence) };
      subtotal = { ...subtotal, confidence: cut(subtotal.confidence) };
      if (taxTotal) taxTotal = { ...taxTotal, confidence: cut(taxTotal.confidence) };
      else vat = vat.map((v) => ({ ...v, confidence: cut(v.confidence) }));
      notes.push(`Subtotal ${money(subtotal.value)} + tax ${money(tax)} does not make the total ${money(total.value)}.`);
    }
  }

  return {
    vendorName: pick<string>(offline.vendorName, ai?.vendorName, sameVendor),
    vendorAddress: pick<string>(offline.vendorAddress, ai?.vendorAddress, sameLoose),
    vendorVatId: ai?.vendorVatId ? lift(ai.vendorVatId) : null,
    date: pick<string>(offline.date, ai?.date, exact),
    dueDate: pick<string>(offline.dueDate, ai?.dueDate, exact),
    total,
    subtotal,
    taxTotal,
    vat,
    vatAlternative: vatMerge.alternative,
    currency,
    documentType: pick<DocumentType>(offline.documentType, ai?.documentType, exact)!,
    invoiceNumber: pick<string>(offline.invoiceNumber, ai?.invoiceNumber, sameLoose),
    iban: pick<string>(offline.iban, ai?.iban, exact),
    paymentMethod: ai?.paymentMethod ? lift(ai.paymentMethod) : null,
    lineItems: ai && aiAmountsOk ? ai.lineItems.map(lift) : [],
    amountsCheck,
    notes,
  };
}
