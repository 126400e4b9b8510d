/** Reading payment QR codes from document images: the intake pipeline's entry points. */
export { paymentSchemeOf, readPaymentQr, type PaymentQr, type PaymentScheme } from './classify';
export { findQrCodes, type DecodedQr, type FindQrOptions, type QrLocation } from './decode-image';
export { parseEpcQr, type EpcTransfer } from './epc-qr';
export { parseSwicoS1, type SwicoS1 } from './swico';
export { parseSwissQrBill, type BillingInformation, type QrBillAddress, type QrBillReferenceType, type SwissQrBill } from './swiss-qr-bill';
