import type { DocumentType } from './types';
import { keywords, type Line } from './text';

/**
 * Receipt or invoice. "Tax invoice" is printed on many till receipts (Malaysia, Australia, UK), so
 * the word alone decides little: an invoice also asks to be paid later (due date, IBAN, payment
 * terms, a payment slip, a billing address); a receipt shows payment at the till (cash, change, card
 * terminal, cashier, time of day).
 */

const INVOICE_WORD = keywords(['invoice', 'rechnung', 'facture', 'fattura', 'faktura', 'bill to', 'invoice no', 'rechnungsnummer']);
const TILL_INVOICE = keywords(['tax invoice', 'simplified tax invoice', 'cash invoice', 'invoice/receipt', 'invoice receipt']);
const BILLING = keywords([
  'bill to', 'billed to', 'invoice to', 'rechnungsadresse', 'rechnungsempfanger', 'adresse de facturation', 'facture a', 'intestata a', 'customer no',
  'kundennummer', 'kunden nr', 'no client', 'numero cliente', 'your reference', 'ihre referenz', 'votre reference', 'vostro riferimento',
]);
const TERMS = keywords([
  'payment terms', 'terms of payment', 'zahlungsbedingungen', 'zahlbar innert', 'zahlbar innerhalb', 'zahlbar bis', 'payable within', 'net 30',
  'conditions de paiement', 'payable sous', 'a payer avant', 'termini di pagamento', 'pagabile entro', 'condizioni di pagamento', 'please pay', 'bitte überweisen',
  'bitte uberweisen', 'bank transfer', 'uberweisung', 'virement', 'bonifico', 'zahlteil', 'empfangsschein', 'payment part', 'section paiement',
  'sezione pagamento', 'reference', 'referenz',
]);
const RECEIPT_WORD = keywords([
  'receipt', 'official receipt', 'quittung', 'kassenbon', 'kassenbeleg', 'kassenzettel', 'recu', 'ticket de caisse', 'ticket', 'scontrino',
  'ricevuta', 'cash bill', 'cash sale', 'sales receipt', 'kasse', 'caisse', 'cassa', 'cashier', 'kassierer', 'table', 'tisch', 'bon',
]);
const TILL = keywords([
  'cash', 'change', 'tendered', 'ruckgeld', 'gegeben', 'bar', 'rendu', 'resto', 'contanti', 'visa', 'mastercard', 'maestro', 'twint', 'approved',
  'auth code', 'terminal', 'card no', 'thank you', 'danke', 'merci', 'grazie', 'please come again', 'goods sold are not returnable',
]);
const TIME = /\b\d{1,2}:\d{2}(?::\d{2})?\b/;

export interface DocTypeEvidence {
  hasDueDate: boolean;
  hasIban: boolean;
}

export function detectDocumentType(lines: readonly Line[], evidence: DocTypeEvidence): { value: DocumentType; confidence: number } {
  let invoice = 0;
  let receipt = 0;
  for (const line of lines) {
    const key = line.key;
    if (TILL_INVOICE.test(key)) invoice += 0.3;
    else if (INVOICE_WORD.test(key)) invoice += 1;
    if (BILLING.test(key)) invoice += 1;
    if (TERMS.test(key)) invoice += 1;
    if (RECEIPT_WORD.test(key)) receipt += 1;
    if (TILL.test(key)) receipt += 1;
  }
  if (lines.some((l) => TIME.test(l.text))) receipt += 1;
  if (evidence.hasDueDate) invoice += 2.5;
  if (evidence.hasIban) invoice += 2.5;
  invoice = Math.min(invoice, 8);
  receipt = Math.min(receipt, 8);
  const value: DocumentType = invoice >= 2 && invoice > receipt ? 'invoice' : 'receipt';
  const margin = Math.abs(invoice - receipt);
  return { value, confidence: Math.round(Math.min(0.95, 0.5 + margin * 0.08) * 100) / 100 };
}
