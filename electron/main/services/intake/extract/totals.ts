import { findAmounts, tokenMinor, type AmountToken } from './amounts';
import { keywords, midY, heightOf, type Line } from './text';
import { TAX_WORDS, type VatLine } from './vat';

/**
 * The amount actually paid. Every line is classified by its words (a total, a subtotal, a
 * payment, change given back, a rounding, a count of items...), its amount is read, and each
 * candidate value collects evidence:
 *   - the keyword's strength ("Grand total", "Amount due", "Zu zahlen", "Rounded total" beat a bare
 *     "Total"; "Subtotal", "Total qty", "Cash", "Change" never count as the total),
 *   - arithmetic: paid minus change, subtotal plus tax (plus rounding), a card payment of the same
 *     amount,
 *   - repetition (receipts print the total two or three times) and position (the last total-like
 *     line of the totals block is usually the final one).
 */

export type LineKind = 'total' | 'subtotal' | 'tax' | 'payment' | 'change' | 'rounding' | 'discount' | 'count';

export interface Classified {
  kind: LineKind;
  /** Strength of the keyword for 'total' (1 weak .. 3 explicit), 1 otherwise. */
  weight: number;
}

const COUNT = keywords([
  'total qty', 'total quantity', 'qty', 'quantity', 'total item', 'total items', 'item count', 'items', 'no of items', 'no of item', 'no. of items',
  'total pcs', 'pcs', 'total units', 'anzahl', 'artikel', 'articles', 'nombre', 'pezzi', 'points', 'punkte', 'total savings', 'you saved', 'total discount',
  'total weight', 'kuantiti',
]);
const CHANGE = keywords(['change', 'change due', 'ruckgeld', 'retour', 'rendu', 'monnaie', 'resto', 'baki', 'kembali', 'wechselgeld']);
const PAYMENT = keywords([
  'cash', 'tendered', 'paid', 'payment', 'bezahlt', 'gegeben', 'bar', 'barzahlung', 'espece', 'especes', 'contanti', 'contante', 'card', 'credit',
  'debit', 'visa', 'mastercard', 'master', 'amex', 'maestro', 'twint', 'postfinance', 'carte', 'cb', 'tunai', 'received', 'kad', 'ec karte', 'girocard',
  'bancomat', 'pagato', 'paye', 'tender', 'voucher',
]);
const ROUNDING = keywords(['rounding', 'round adj', 'round off', 'rounding adj', 'rounding adjustment', 'adjustment', 'adj', 'rundung', 'arrondi', 'arrotondamento', 'pembundaran']);
const DISCOUNT = keywords(['discount', 'rabatt', 'remise', 'sconto', 'reduction', 'aktion', 'diskaun']);
const SUBTOTAL = keywords([
  'sub total', 'subtotal', 'sub ttl', 'zwischensumme', 'zwischentotal', 'sous total', 'subtotale', 'total excl', 'total exclusive', 'total excluding',
  'total before', 'total ht', 'montant ht', 'total net', 'nettobetrag', 'netto', 'imponibile', 'net amount', 'amount excl', 'total exkl', 'total ohne',
]);
/** Explicit "this is what you pay" phrases. */
const TOTAL_FINAL = keywords([
  'grand total', 'total amount', 'total amt', 'amount due', 'total due', 'balance due', 'amount payable', 'total payable', 'total to pay', 'to pay',
  'rounded total', 'total rounded', 'round total', 'rounding total', 'total round', 'nett total', 'net total', 'total sales', 'total sale',
  'total incl', 'total inclusive', 'total including', 'total inkl', 'zu zahlen', 'zahlbetrag', 'rechnungsbetrag', 'endbetrag', 'gesamtbetrag',
  'total chf', 'total eur', 'total rm', 'total myr', 'total usd', 'total ttc', 'net a payer', 'montant du', 'montant total', 'montant ttc', 'a payer',
  'totale complessivo', 'totale da pagare', 'importo dovuto', 'totale euro', 'totale eur', 'total a pagar', 'jumlah bersih', 'jumlah besar',
  'amount payable', 'total bill', 'bill total', 'total value', 'invoice total', 'total invoice', 'amt due', 'amt payable', 'balance amt',
]);
const TOTAL_PLAIN = keywords(['total', 'totale', 'summe', 'gesamt', 'betrag', 'jumlah', 'totaal', 'tot', 'ttl', 'amount', 'amt']);
const INCLUDED = /\b(?:incl|inkl|including|inclusive|inclus|compris|ttc|ivato|ivata|incluso)\b/;
/** "Total (excluding GST)", "Total before tax", "Total HT": the net, whatever else the line says. */
const EXCLUDED = /\b(?:excl|exkl|excluding|exclusive|excluded|before|ohne|hors|ht|senza|esclusa|escl|net of)\b/;

export function classifyLine(key: string): Classified | null {
  if (COUNT.test(key) && !TOTAL_FINAL.test(key.replace(COUNT, ''))) return { kind: 'count', weight: 1 };
  if (CHANGE.test(key)) return { kind: 'change', weight: 1 };
  if (SUBTOTAL.test(key)) return { kind: 'subtotal', weight: 1 };
  const finalTotal = TOTAL_FINAL.test(key);
  const plainTotal = TOTAL_PLAIN.test(key);
  if ((finalTotal || plainTotal) && EXCLUDED.test(key) && !INCLUDED.test(key)) return { kind: 'subtotal', weight: 1 };
  // "Total after rounding", "Rounded total": the final amount, not the adjustment.
  if ((finalTotal || plainTotal) && /\b(?:after|rounded|round)\b/.test(key)) return { kind: 'total', weight: 3 };
  if (TAX_WORDS.test(key) && !INCLUDED.test(key)) {
    // "Total GST 0.51", "MWST 8.1%": tax lines; but "Total (RM) incl. GST" was caught above.
    if (!finalTotal || /\b(?:gst|vat|tax|mwst|tva|iva|sst)\s*(?:total|amount|amt)\b|\btotal\s*(?:gst|vat|tax|mwst|tva|iva|sst)\b/.test(key)) {
      return { kind: 'tax', weight: 1 };
    }
  }
  if (ROUNDING.test(key) && !/\b(?:rounded|round)\s*total|total\s*(?:rounded|round)\b/.test(key)) return { kind: 'rounding', weight: 1 };
  if (DISCOUNT.test(key)) return { kind: 'discount', weight: 1 };
  if (finalTotal) return { kind: 'total', weight: 3 };
  if (PAYMENT.test(key)) return { kind: 'payment', weight: 1 };
  if (plainTotal) return { kind: 'total', weight: /\b(?:amount|amt)\b/.test(key) && !/\btotal\b/.test(key) ? 1 : 2 };
  return null;
}

export interface Candidate {
  value: number;
  lineIndex: number;
  kind: LineKind;
  weight: number;
  raw: string;
  /** From the page reading (true) or from a re-reading of the line (false). */
  primary: boolean;
}

function money(tokens: AmountToken[], currency: string): Array<{ value: number; token: AmountToken }> {
  return tokens
    .filter((t) => !t.percent && t.decimals > 0)
    .map((token) => ({ value: tokenMinor(token, currency), token }))
    .filter((v): v is { value: number; token: AmountToken } => v.value !== null);
}

/** A line holding nothing but amounts (and currency marks / a colon). */
function amountOnly(line: Line): boolean {
  const rest = line.text.replace(/[-−]?\s?(?:[A-Z]{2,3}|[€$£]|Fr\.)?\s?\d[\d.,'’ ]*\d(?:-)?|[:=*()\s]/g, '');
  return rest.length <= 3 && /\d[.,]\d{2}/.test(line.text);
}

/** The amount a classified line speaks of: on the line (rightmost), beside it, or on the next line. */
export function amountFor(lines: readonly Line[], i: number, currency: string): { value: number; raw: string } | null {
  const line = lines[i]!;
  const own = money(findAmounts(line.text), currency);
  if (own.length > 0) {
    const last = own[own.length - 1]!;
    return { value: last.value, raw: last.token.raw };
  }
  // OCR sometimes splits a row into a label line and an amount line with the same baseline.
  if (line.bbox) {
    const box = line.bbox;
    for (const other of lines) {
      if (other === line || !other.bbox || other.bbox.x0 < box.x1 - 2) continue;
      if (Math.abs(midY(other.bbox) - midY(box)) > heightOf(box) * 0.5) continue;
      const m = money(findAmounts(other.text), currency);
      if (m.length > 0) return { value: m[m.length - 1]!.value, raw: m[m.length - 1]!.token.raw };
    }
  }
  // Label above the amount: only when the label line is just the label, and the next is just an amount.
  const next = lines[i + 1];
  if (next && amountOnly(next) && line.text.replace(/[^\p{L}]+/gu, ' ').trim().split(' ').length <= 4) {
    const m = money(findAmounts(next.text), currency);
    if (m.length > 0) return { value: m[m.length - 1]!.value, raw: m[m.length - 1]!.token.raw };
  }
  return null;
}

export interface TotalsResult {
  total: { value: number; confidence: number; lineIndex: number; raw: string } | null;
  subtotal: { value: number; confidence: number; lineIndex: number; raw: string } | null;
  candidates: Candidate[];
}

export function findTotals(lines: readonly Line[], currency: string, vat: readonly VatLine[]): TotalsResult {
  const candidates: Candidate[] = [];
  // Inside a VAT summary table ("GST Summary", "Tax code % Amount Tax"), a "Total" row sums the
  // table's columns (net and tax), it is not the document's total.
  let taxTableUntil = -1;
  for (const line of lines) {
    const cls = classifyLine(line.key);
    const amounts = money(findAmounts(line.text), currency);
    if (TAX_WORDS.test(line.key) && amounts.length === 0 && /\b(?:summary|code|rate|satz|taux|aliquota|amount|amt|net|netto|tax)\b.*\b(?:tax|gst|vat|mwst|tva|iva|amount|amt)\b/.test(line.key)) {
      taxTableUntil = line.index + 6;
      continue;
    }
    if (cls?.kind === 'count') continue;
    if (cls && line.index <= taxTableUntil && (cls.kind === 'total' || cls.kind === 'subtotal') && amounts.length >= 2) continue;
    if (cls) {
      const amount = amountFor(lines, line.index, currency);
      if (amount) candidates.push({ value: amount.value, lineIndex: line.index, kind: cls.kind, weight: cls.weight, raw: line.text, primary: true });
    }
    // Re-readings of the line: their amount counts as another vote, a little less than the page reading.
    for (const alt of line.alternatives) {
      // The page reading's classification rules when it has one: a re-reading that reads the
      // label better must not make its (maybe misread) amount stronger than the page's.
      const altCls = cls ?? classifyLine(alt.key);
      if (!altCls || altCls.kind === 'count') continue;
      const m = money(findAmounts(alt.text), currency);
      if (m.length === 0) continue;
      candidates.push({ value: m[m.length - 1]!.value, lineIndex: line.index, kind: altCls.kind, weight: altCls.weight * 0.8, raw: alt.text, primary: false });
    }
  }
  const of = (kind: LineKind) => candidates.filter((c) => c.kind === kind);
  const totals = of('total').filter((c) => c.value > 0);
  const subtotals = of('subtotal').filter((c) => c.value > 0);
  // What was handed over is never negative: a minus there is a print convention or an OCR speck.
  const payments = of('payment')
    .map((c) => ({ ...c, value: Math.abs(c.value) }))
    .filter((c) => c.value > 0);
  const changes = of('change').filter((c) => c.value >= 0);
  const roundings = of('rounding');
  const discounts = of('discount');
  const subtotal = subtotals.at(-1) ?? null;
  const taxSum = vat.reduce((s, v) => s + v.tax, 0) || of('tax').reduce((s, c) => s + c.value, 0);
  // A VAT table whose rows all add up (net + tax = gross) gives the gross total independently.
  const vatGross = vat.length > 0 && vat.every((v) => v.consistent && v.gross !== null) ? vat.reduce((s, v) => s + v.gross!, 0) : null;

  // Values implied by arithmetic.
  // Independent checks add up; the same check counts once per value (its strongest instance).
  const evidence = new Map<number, Map<string, number>>();
  const imply = (value: number, weight: number, check: string) => {
    if (value <= 0) return;
    const checks = evidence.get(value) ?? new Map<string, number>();
    checks.set(check, Math.max(checks.get(check) ?? 0, weight));
    evidence.set(value, checks);
  };
  for (const p of payments) for (const c of changes) if (c.lineIndex > p.lineIndex && p.value > c.value) imply(p.value - c.value, 3, 'paid-change');
  // A total followed by a small rounding adjustment: the rounded amount is what is paid.
  const lastRounding = Math.max(-1, ...roundings.map((r) => r.lineIndex));
  const totalAfterRounding = totals.some((t) => t.lineIndex > lastRounding);
  for (const t of totals) {
    for (const r of roundings) {
      if (r.lineIndex <= t.lineIndex || r.value === 0 || Math.abs(r.value) >= 10) continue;
      // With no total printed after the adjustment, the adjusted amount is what was paid: it must
      // beat the unadjusted total it comes from.
      imply(t.value + r.value, totalAfterRounding ? 3 : t.weight + 1.5, 'rounding');
    }
  }
  if (subtotal) {
    const rounding = roundings.at(-1)?.value ?? 0;
    const discount = Math.abs(discounts.filter((d) => d.lineIndex > subtotal.lineIndex).reduce((s, d) => s + Math.abs(d.value), 0));
    // A "subtotal" that already includes the tax: an earlier amount plus the tax makes it.
    const grossSubtotal =
      taxSum > 0 && (subtotal.value === vatGross || candidates.some((c) => c.lineIndex < subtotal.lineIndex && c.value + taxSum === subtotal.value));
    if (grossSubtotal) {
      imply(subtotal.value + rounding - discount, 2.5, 'subtotal');
    } else if (taxSum > 0) {
      imply(subtotal.value + taxSum + rounding - discount, 2, 'subtotal');
      imply(subtotal.value + taxSum - discount, 1.5, 'subtotal');
    }
    imply(subtotal.value + rounding - discount, 1, 'subtotal');
  }
  if (vatGross !== null) imply(vatGross, 1.5, 'vat');
  // A card payment without change is the total (a change line that could not be read does not count as none).
  const changeLines = lines.filter((l) => classifyLine(l.key)?.kind === 'change');
  if (changeLines.length === 0) for (const p of payments) imply(p.value, 1, 'card');

  const implied = new Map([...evidence].map(([value, checks]) => [value, [...checks.values()].reduce((a, b) => a + b, 0)] as const));
  const values = new Set([...totals.map((c) => c.value), ...implied.keys()]);
  const lastTotalLine = Math.max(-1, ...totals.map((c) => c.lineIndex));
  const scored = [...values].map((value) => {
    const lines = totals.filter((c) => c.value === value);
    // Per line, the strongest reading counts; other readings agreeing add a little.
    const perLine = new Map<number, { weight: number; readings: number }>();
    for (const c of lines) {
      const entry = perLine.get(c.lineIndex);
      perLine.set(c.lineIndex, { weight: Math.max(entry?.weight ?? 0, c.weight), readings: (entry?.readings ?? 0) + 1 });
    }
    const weights = [...perLine.values()];
    let score = weights.reduce((s, e) => s + e.weight + 0.4 * (e.readings - 1), 0);
    // Repetition on several lines counts, but less than the first mention.
    if (weights.length > 1) score -= (weights.length - 1) * 0.5 * Math.min(...weights.map((e) => e.weight));
    score += implied.get(value) ?? 0;
    if (lines.some((c) => c.lineIndex === lastTotalLine)) score += 0.5;
    // A total printed after the rounding line is the rounded one.
    if (lastRounding >= 0 && lines.some((c) => c.lineIndex > lastRounding)) score += 1;
    // The paid amount is never below the net of the same document, nor above what was handed over.
    if (subtotal && value < subtotal.value - Math.abs(discounts.reduce((s, d) => s + Math.abs(d.value), 0)) && !implied.has(value)) score -= 1;
    if (changes.length > 0 && payments.some((p) => p.value < value && !lines.length)) score -= 1;
    return { value, score, lines };
  });
  scored.sort((a, b) => b.score - a.score || b.value - a.value);

  let total: TotalsResult['total'] = null;
  const best = scored[0];
  if (best && best.score > 0) {
    const second = scored[1]?.score ?? 0;
    const confidence = Math.max(0.2, Math.min(0.97, 0.45 + 0.1 * best.score + 0.1 * (best.score - second)));
    const where = best.lines.at(-1);
    total = { value: best.value, confidence: round2(confidence), lineIndex: where?.lineIndex ?? -1, raw: where?.raw ?? 'from the payment and change lines' };
  } else {
    // A refund or credit note: only negative totals ("Total 12.50-").
    const negative = of('total').filter((c) => c.value < 0).sort((a, b) => b.weight - a.weight)[0];
    total = negative
      ? { value: negative.value, confidence: 0.5, lineIndex: negative.lineIndex, raw: negative.raw }
      : fallbackTotal(lines, currency);
  }
  return {
    total,
    subtotal: subtotal ? { value: subtotal.value, confidence: 0.7, lineIndex: subtotal.lineIndex, raw: subtotal.raw } : null,
    candidates,
  };
}

/**
 * No total line: the largest amount that is printed at least twice in the lower part of the
 * document, else the largest amount in the lower half that is not a payment or change. Low confidence.
 */
function fallbackTotal(lines: readonly Line[], currency: string): TotalsResult['total'] {
  const seen = new Map<number, { count: number; line: Line }>();
  const lower = lines.slice(Math.floor(lines.length * 0.3));
  for (const line of lower) {
    const cls = classifyLine(line.key);
    if (cls && cls.kind !== 'total') continue;
    if (/%/.test(line.text)) continue;
    for (const { value } of money(findAmounts(line.text), currency)) {
      if (value <= 0) continue;
      const entry = seen.get(value);
      seen.set(value, { count: (entry?.count ?? 0) + 1, line: entry?.line ?? line });
    }
  }
  const repeated = [...seen.entries()].filter(([, e]) => e.count >= 2).sort((a, b) => b[0] - a[0]);
  const pick = repeated[0] ?? [...seen.entries()].sort((a, b) => b[0] - a[0])[0];
  if (!pick) return null;
  return { value: pick[0], confidence: repeated[0] ? 0.35 : 0.2, lineIndex: pick[1].line.index, raw: pick[1].line.text };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
