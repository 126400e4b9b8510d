import { isValidBic, isValidIban, normalizeBic, normalizeIban } from '../../../../../shared/domain/bank';
import { parseMoney } from '../../../../../shared/domain/money';
import { AppError } from '../../../../../shared/errors';
import { isValidCreditorReference } from './references';

/**
 * EPC QR code ("GiroCode", EPC069-12): a SEPA credit transfer in up to 12 lines, "BCD" first.
 * Trailing empty elements may be left off, so a payload can end right after the IBAN.
 */
export interface EpcTransfer {
  version: '001' | '002';
  /** Text encoding the payload declares (1-8 in the payload). */
  charset: string;
  bic: string | null;
  name: string;
  iban: string;
  /** Minor units of EUR; null when the payer fills in the amount. */
  amount: number | null;
  currency: 'EUR';
  purpose: string | null;
  /** Structured remittance: a creditor reference (ISO 11649 "RF..." when it starts with RF). */
  reference: string | null;
  /** Unstructured remittance text; never together with a reference. */
  text: string | null;
  /** Beneficiary to originator information, shown to the payer only. */
  information: string | null;
}

/** Character set codes of the third line, as WHATWG encoding labels. */
export const EPC_CHARSETS: Record<string, string> = {
  '1': 'utf-8',
  '2': 'iso-8859-1',
  '3': 'iso-8859-2',
  '4': 'iso-8859-4',
  '5': 'iso-8859-5',
  '6': 'iso-8859-7',
  '7': 'iso-8859-10',
  '8': 'iso-8859-15',
};

const MIN_LINES = 7;
const MAX_LINES = 12;

export function parseEpcQr(payload: string): EpcTransfer {
  const lines = payload.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  while (lines.length > MIN_LINES && lines[lines.length - 1]!.trim() === '') lines.pop();
  const at = (i: number): string => (lines[i] ?? '').trim();

  if (at(0) !== 'BCD') fail('serviceTag', `Not an EPC QR code: the first line is "${at(0).slice(0, 10)}", expected "BCD"`);
  if (lines.length < MIN_LINES) fail('payload', `Truncated EPC QR code: ${lines.length} lines, at least ${MIN_LINES} (up to the IBAN) are required`, { lines: lines.length });
  const version = at(1);
  if (version !== '001' && version !== '002') fail('version', `Unsupported EPC QR version "${version}": expected 001 or 002`, { value: version });
  const charset = EPC_CHARSETS[at(2)];
  if (!charset) fail('charset', `Unknown EPC character set "${at(2)}": expected 1 to 8`, { value: at(2) });
  if (at(3) !== 'SCT') fail('identification', `Unsupported EPC identification "${at(3)}": expected SCT`, { value: at(3) });
  if (lines.length > MAX_LINES) fail('payload', `EPC QR code has ${lines.length} lines, at most ${MAX_LINES} are allowed`, { lines: lines.length });

  const bic = readBic(at(4), version);
  if (!at(5)) fail('name', 'The beneficiary name is missing');
  const iban = normalizeIban(at(6));
  if (!isValidIban(iban)) fail('iban', `"${at(6)}" is not a valid IBAN (format or check digits)`, { value: at(6) });
  const purpose = at(8);
  if (purpose && !/^[A-Z0-9]{1,4}$/.test(purpose)) fail('purpose', `Purpose "${purpose}" is not a code of up to 4 letters or digits`, { value: purpose });
  const reference = at(9).replace(/\s+/g, '');
  if (reference && at(10)) fail('remittance', 'An EPC QR code carries a structured reference or a remittance text, not both');
  if (/^RF/i.test(reference) && !isValidCreditorReference(reference.toUpperCase())) {
    fail('reference', `Creditor reference "${reference}" has wrong check digits or format`, { value: reference });
  }

  return {
    version,
    charset,
    bic,
    name: at(5),
    iban,
    amount: readAmount(at(7)),
    currency: 'EUR',
    purpose: purpose || null,
    reference: reference ? (/^RF/i.test(reference) ? reference.toUpperCase() : reference) : null,
    text: at(10) || null,
    information: at(11) || null,
  };
}

function readBic(text: string, version: '001' | '002'): string | null {
  if (!text) {
    if (version === '001') fail('bic', 'Version 001 requires the BIC of the beneficiary bank');
    return null;
  }
  if (!isValidBic(text)) fail('bic', `"${text}" is not a valid BIC`, { value: text });
  return normalizeBic(text);
}

function readAmount(text: string): number | null {
  if (text === '') return null;
  const m = /^EUR(\d{1,9}(?:\.\d{1,2})?)$/.exec(text);
  const minor = m ? parseMoney(m[1]!, 'EUR') : null;
  if (!minor) fail('amount', `Amount "${text}" is not EUR followed by 0.01 to 999999999.99`, { value: text });
  return minor;
}

function fail(field: string, message: string, details: Record<string, unknown> = {}): never {
  throw new AppError('QR_INVALID', message, { field, ...details });
}
