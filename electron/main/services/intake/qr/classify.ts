import { AppError, type ErrorData } from '../../../../../shared/errors';
import { parseEpcQr, type EpcTransfer } from './epc-qr';
import { parseSwissQrBill, type SwissQrBill } from './swiss-qr-bill';

export type PaymentScheme = 'swiss-qr-bill' | 'epc';

export type PaymentQr =
  | { kind: 'swiss-qr-bill'; bill: SwissQrBill }
  | { kind: 'epc'; transfer: EpcTransfer }
  /** It says it is a payment code but does not read as one: worth showing the user, not filing. */
  | { kind: 'invalid'; scheme: PaymentScheme; text: string; error: ErrorData }
  | { kind: 'other'; text: string };

/** Sorts a QR code's text into a payment we can read or anything else; never throws on bad payment data. */
export function readPaymentQr(text: string): PaymentQr {
  switch (paymentSchemeOf(text)) {
    case 'swiss-qr-bill':
      return attempt('swiss-qr-bill', text, () => ({ kind: 'swiss-qr-bill', bill: parseSwissQrBill(text) }));
    case 'epc':
      return attempt('epc', text, () => ({ kind: 'epc', transfer: parseEpcQr(text) }));
    default:
      return { kind: 'other', text };
  }
}

/** Which payment code the text claims to be, from its header line alone. */
export function paymentSchemeOf(text: string): PaymentScheme | null {
  const header = /^\uFEFF?([^\r\n]*)/.exec(text)?.[1]?.trim();
  return header === 'SPC' ? 'swiss-qr-bill' : header === 'BCD' ? 'epc' : null;
}

function attempt(scheme: PaymentScheme, text: string, parse: () => PaymentQr): PaymentQr {
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { kind: 'invalid', scheme, text, error: err.toData() };
  }
}
