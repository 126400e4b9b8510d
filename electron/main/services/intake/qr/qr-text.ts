import { EPC_CHARSETS } from './epc-qr';

/**
 * Turns a QR code's raw bytes into text. jsQR reads byte segments as UTF-8 and silently drops a
 * segment that is not valid UTF-8, which loses Latin-1 EPC payloads; so the bytes are decoded here:
 * UTF-8 when valid, ISO 8859-1 (the QR default) otherwise, and an EPC payload in the charset its
 * third line declares.
 */
export function qrBytesToText(bytes: Uint8Array, jsQrText: string, hasKanji: boolean): string {
  if (hasKanji) return jsQrText;
  const text = decodeUtf8(bytes) ?? new TextDecoder('iso-8859-1').decode(bytes);
  const charset = /^BCD\r?\n\d{3}\r?\n([2-8])\r?\n/.exec(text)?.[1];
  return charset ? new TextDecoder(EPC_CHARSETS[charset]).decode(bytes) : text;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
