import { findAmounts } from './amounts';
import { heightOf, keywords, type Line } from './text';

/**
 * The vendor's name and address, from the head of the document. The name is the top line that
 * reads like a name: not a generic word ("Receipt", "Tax invoice", "Welcome"), not an address,
 * phone number, tax id, date or amount; a company form (GmbH, AG, SA, Ltd, Sdn Bhd...) and a
 * larger font count in its favour. A name broken over two lines ("ACME TRADING (CITY)" / "SDN BHD")
 * is joined. The address is the address-like lines right below it.
 */

export interface VendorGuess {
  name: { value: string; confidence: number; lineIndex: number } | null;
  address: { value: string; confidence: number; lineIndexes: number[] } | null;
}

const LEGAL_FORM = keywords([
  'sdn bhd', 'sdn', 'bhd', 's/b', 'berhad', 'ag', 'gmbh', 'sa', 's.a.', 'sarl', 'sàrl', 's.a.r.l.', 'sagl', 'ltd', 'limited', 'inc', 'llc', 'corp',
  'corporation', 'plc', 'srl', 's.r.l.', 'spa', 's.p.a.', 'kg', 'ohg', 'e.k.', 'gbr', 'ug', 'sas', 'snc', 'bv', 'nv', 'pte', 'co.', 'company',
  'genossenschaft', 'cie',
]);
/** Words that name a kind of business: weaker evidence of a name line. */
const BUSINESS = keywords([
  'enterprise', 'enterprises', 'trading', 'restaurant', 'restoran', 'cafe', 'café', 'kafe', 'bistro', 'bakery', 'hotel', 'store', 'stores', 'shop', 'mart',
  'market', 'supermarket', 'minimarket', 'hardware', 'pharmacy', 'apotheke', 'pharmacie', 'farmacia', 'boulangerie', 'bäckerei', 'backerei', 'metzgerei',
  'garage', 'station', 'services', 'service', 'stationery', 'bookstore', 'books', 'kitchen', 'house', 'food', 'foods', 'electrical', 'machinery', 'motor',
  'perniagaan', 'kedai', 'syarikat', 'gallery', 'pub', 'bar', 'grill', 'pizzeria', 'ristorante', 'trattoria', 'gasthaus', 'brasserie', 'boutique',
]);
/** Lines that are about the document rather than the seller. */
const GENERIC = keywords([
  'receipt', 'official receipt', 'tax invoice', 'simplified tax invoice', 'invoice', 'cash bill', 'cash sale', 'cash sales', 'bill', 'sales receipt',
  'welcome', 'welcome to', 'thank you', 'thanks', 'quittung', 'kassenbon', 'kassenbeleg', 'beleg', 'rechnung', 'facture', 'ticket', 'recu', 'reçu',
  'scontrino', 'ricevuta', 'fattura', 'copy', 'duplicate', 'original', 'customer copy', 'merchant copy', 'reprint', 'order', 'table', 'cashier',
  'page', 'member', 'document', 'doc', 'no', 'tel', 'date', 'time', 'gst', 'vat', 'mwst', 'tva', 'iva', 'reg', 'id', 'summary', 'tax', 'invoice no',
  'payment', 'customer', 'kunde', 'client', 'cliente', 'description', 'qty', 'price', 'amount', 'total', 'item', 'pos', 'terminal', 'transaction',
  'trans', 'bill to', 'ship to', 'company', 'of', 'the', 'and', 'to', 'for', 'from', 'hello', 'hi', 'dear', 'store', 'branch', 'outlet',
  'cash', 'credit', 'sale', 'sales', 'change', 'paid', 'tax invoice', 'simplified', 'formerly', 'known', 'as', 'licensee', 'member', 'card', 'points',
  'salesperson', 'counter', 'operator', 'served', 'by', 'server', 'guest', 'pax', 'reg no', 'registration',
]);
const STREET = keywords([
  'jalan', 'jln', 'lorong', 'taman', 'lot', 'no', 'street', 'st', 'road', 'rd', 'avenue', 'ave', 'lane', 'drive', 'boulevard', 'blvd', 'highway', 'floor',
  'level', 'block', 'blok', 'unit', 'suite', 'building', 'bldg', 'plaza', 'mall', 'centre', 'center', 'complex', 'square', 'park', 'kawasan', 'bandar',
  'strasse', 'str', 'gasse', 'weg', 'platz', 'allee', 'ring', 'rue', 'chemin', 'ch.', 'route', 'place', 'quai', 'via', 'viale', 'piazza', 'corso',
  'vicolo', 'postfach', 'case postale', 'cp', 'po box', 'p.o. box', 'box', 'persiaran', 'lebuh', 'batu', 'kg', 'kampung', 'seksyen', 'section', 'jaya',
  'johor', 'selangor', 'kuala lumpur', 'malaysia', 'switzerland', 'schweiz', 'suisse', 'svizzera', 'deutschland', 'germany', 'france', 'italia',
  'italy', 'austria', 'österreich', 'osterreich',
]);
const PHONE = /\b(?:tel|tele|telefon|phone|fax|hp|mobile|mob|whatsapp|natel)\b|\+\d{2}[\s\d]{6,}|\(?\d{2,4}\)?[\s-]\d{3,4}[\s-]?\d{3,4}/;
const TAX_ID = /\b(?:gst|sst|vat|mwst|uid|ust|tva|iva|p\.?\s?iva|siret|siren|tax|reg|registration|company|co)\s*(?:id|no|nr|number|reg|#)?\b[^a-z]{0,4}\d|\bche[-\s]?\d{3}|\(\s?\d{5,}[-\s]?[a-z]\s?\)|\b\d{6,}-[a-z]\b/;
const WEB = /@|www\.|https?:|\.com\b|\.ch\b|\.de\b|\.fr\b|\.it\b|\.my\b/;
const TIME = /\b\d{1,2}[:.]\d{2}(?::\d{2})?\s?(?:am|pm)?\b/;
const DATE_LIKE = /\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b/;
const POSTCODE = /(?<![\d.,])(?:[a-z]{1,2}-)?\d{4,5}(?![\d.,])\s+\p{L}{3,}/u;

function letters(text: string): number {
  return text.replace(/[^\p{L}]/gu, '').length;
}

export function isAddressLike(key: string): boolean {
  return STREET.test(key) || POSTCODE.test(key) || (/\d/.test(key) && /,/.test(key) && letters(key) > 3);
}

function isContactOrId(key: string): boolean {
  return PHONE.test(key) || TAX_ID.test(key) || WEB.test(key) || TIME.test(key) || DATE_LIKE.test(key);
}

/** Share of a line's words that are generic document words. */
function genericShare(key: string): number {
  const words = key.split(/[^\p{L}\d]+/u).filter((w) => w.length > 0);
  if (words.length === 0) return 1;
  return words.filter((w) => GENERIC.test(w)).length / words.length;
}

/** Cleans OCR debris at the ends of a name: "| ACME GMBH *" → "ACME GMBH". */
const REG_NO = /\s*\((?=(?:[^)\d]*\d){3})[^)]{3,24}\)?\s*$/u;

export function cleanName(text: string): string {
  const trim = (t: string) => t.replace(/^[^\p{L}\d(]+/u, '').replace(/[^\p{L}\d).]+$/u, '').trim();
  // A registration number in brackets after the name: "ACME SDN BHD (123456-X)".
  return trim(trim(text.replace(/\s+/g, ' ')).replace(REG_NO, ''));
}

/** A line made only of words for kinds of business ("BISTRO & CAFE", "RESTAURANT"): a descriptor under the name. */
function descriptorOnly(key: string): boolean {
  const words = key.split(/[^\p{L}\d]+/u).filter((w) => w.length > 0 && w !== 'and');
  return words.length > 0 && words.every((w) => BUSINESS.test(w));
}

interface Scored {
  line: Line;
  score: number;
}

export function findVendor(lines: readonly Line[]): VendorGuess {
  if (lines.length === 0) return { name: null, address: null };
  // The head: the first lines, or with geometry the top third of the text.
  const top = lines[0]!.bbox?.y0 ?? 0;
  const bottom = Math.max(...lines.map((l) => l.bbox?.y1 ?? 0));
  const head = lines.filter((l, i) => (l.bbox && bottom > top ? (l.bbox.y0 - top) / (bottom - top) < 0.3 && i < 12 : i < 8));
  const heights = lines.filter((l) => l.bbox).map((l) => heightOf(l.bbox!)).sort((a, b) => a - b);
  const typical = heights[Math.floor(heights.length / 2)] ?? 0;

  const scored: Scored[] = [];
  for (const [rank, line] of head.entries()) {
    const key = line.key;
    const name = cleanName(line.text);
    const nLetters = letters(name);
    if (nLetters < 3 || nLetters < name.replace(/\s/g, '').length * 0.5) continue;
    if (findAmounts(line.text).some((a) => a.decimals > 0)) continue;
    let score = 1.2 - rank * 0.12;
    const legal = LEGAL_FORM.test(key);
    // The company's registration number printed beside the name marks the legal name line.
    const registered = /\((?=(?:[^)\d]*\d){3})[^)]*\)?/.test(key);
    if (legal) score += 1.2;
    if (BUSINESS.test(key)) score += descriptorOnly(key) ? -0.3 : 0.4;
    const keyWithoutRegNo = key.replace(/\((?=(?:[^)\d]*\d){3})[^)]*\)?/g, ' ');
    if (isContactOrId(keyWithoutRegNo)) score -= legal ? 1 : 2;
    else if (registered && legal) score += 0.3;
    // Names are printed in capitals or title case; an all-lower-case line is a note or a stamp.
    if (/\p{Ll}/u.test(name) && !/\p{Lu}/u.test(name)) score -= 1.2;
    if (isAddressLike(key) && !legal) score -= 1.2;
    const generic = genericShare(key);
    if (generic >= 0.5) score -= 2 * generic;
    if (typical > 0 && line.bbox) score += Math.max(-0.3, Math.min(0.6, (heightOf(line.bbox) / typical - 1) * 0.8));
    if (name === name.toUpperCase() && nLetters >= 4) score += 0.15;
    score += (line.confidence - 0.7) * 0.8;
    // Very short fragments and very long sentences are rarely the name.
    if (nLetters < 4) score -= 0.5;
    if (name.split(' ').length > 8) score -= 0.8;
    scored.push({ line, score });
  }
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.score <= 0) return { name: null, address: findAddress(lines, head[0]?.index ?? 0) };

  let value = cleanName(best.line.text);
  let last = best.line.index;
  // A name broken over two lines: a lone company form, a bracketed branch or an "&"-continued line.
  const next = lines[last + 1];
  if (next && head.includes(next)) {
    const nextName = cleanName(next.text);
    const nk = next.key;
    const continues =
      (!LEGAL_FORM.test(best.line.key) && LEGAL_FORM.test(nk) && !isContactOrId(nk) && !isAddressLike(nk) && letters(nextName) <= 40) ||
      // "HOME MASTER HARDWARE &" / "ELECTRICAL"
      (/(?:&|\band|\bund|\bet|-)\s*$/i.test(best.line.text) && !isContactOrId(nk) && !isAddressLike(nk) && letters(nextName) >= 3) ||
      (/^[(&]/.test(nextName) && !isContactOrId(nk) && !/\d{4}/.test(nextName) && letters(nextName) >= 3);
    if (continues) {
      value = cleanName(`${best.line.text} ${next.text}`);
      last = next.index;
    }
  }
  // ...or the chosen line is the tail of a name: "(M) SDN BHD", "CO. (M) SDN BHD", "& SONS LTD".
  const prev = lines[best.line.index - 1];
  // A tail is a line that starts like the end of a name, or holds nothing but a kind of business and a
  // company form ("RESTAURANT SDN BHD", "TRADING GMBH").
  const bare = best.line.key.replace(new RegExp(LEGAL_FORM.source, 'gu'), ' ').replace(new RegExp(BUSINESS.source, 'gu'), ' ');
  const tail = /^(?:[(&]|sdn\b|bhd\b|co\b\.?|company\b|ltd\b|gmbh\b|ag\b|sa\b|inc\b)/i.test(value) || letters(bare.replace(/\([^)]*\)/g, '')) < 4;
  const prevAddress = prev ? isAddressLike(prev.key) && /\d/.test(prev.key) : false;
  if (prev && head.includes(prev) && tail && !isContactOrId(prev.key) && !prevAddress && genericShare(prev.key) < 0.5 && letters(prev.text) >= 3) {
    value = `${cleanName(prev.text)} ${value}`;
  }
  const second = scored.find((s) => s.line !== best.line)?.score ?? 0;
  const confidence = Math.max(0.2, Math.min(0.95, 0.4 + best.score * 0.2 + (best.score - second) * 0.1)) * Math.max(0.5, best.line.confidence);
  return {
    name: { value, confidence: Math.round(confidence * 100) / 100, lineIndex: best.line.index },
    address: findAddress(lines, last + 1),
  };
}

/** Address lines from `from` on: address-like lines, stopping at contact details or a gap of other text. */
function findAddress(lines: readonly Line[], from: number): VendorGuess['address'] {
  const parts: Line[] = [];
  for (let i = from; i < Math.min(lines.length, from + 6); i++) {
    const line = lines[i]!;
    const key = line.key;
    if (PHONE.test(key) || TAX_ID.test(key) || WEB.test(key) || DATE_LIKE.test(key) || TIME.test(key)) break;
    if (findAmounts(line.text).some((a) => a.decimals > 0)) break;
    if (isAddressLike(key) || (parts.length > 0 && letters(key) >= 3 && genericShare(key) < 0.5 && line.text.length <= 40)) {
      parts.push(line);
      if (parts.length >= 4) break;
    } else if (parts.length > 0 || i > from + 1) {
      break;
    }
  }
  if (parts.length === 0) return null;
  const value = parts.map((p) => cleanName(p.text).replace(/,$/, '')).join(', ');
  const confidence = Math.min(0.9, 0.4 + 0.15 * parts.length) * Math.max(0.5, Math.min(...parts.map((p) => p.confidence)));
  return { value, confidence: Math.round(confidence * 100) / 100, lineIndexes: parts.map((p) => p.index) };
}
