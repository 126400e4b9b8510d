import { describe, expect, it } from 'vitest';
import { qrBytesToText } from './qr-text';

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('qrBytesToText', () => {
  it('reads UTF-8', () => {
    expect(qrBytesToText(utf8('SPC\nMüller & Söhne'), 'ignored', false)).toBe('SPC\nMüller & Söhne');
  });

  it('falls back to ISO 8859-1 for bytes that are not UTF-8', () => {
    expect(qrBytesToText(latin1('Café Zürich'), 'Caf', false)).toBe('Café Zürich');
  });

  it('reads an EPC payload in the charset it declares', () => {
    const bytes = Uint8Array.from([...latin1('BCD\n002\n3\nSCT\n\n'), 0xa3, ...latin1('ód\nPL61109010140000071219812874')]);
    expect(qrBytesToText(bytes, '', false)).toBe('BCD\n002\n3\nSCT\n\nŁód\nPL61109010140000071219812874');
  });

  it("leaves Kanji segments to jsQR's own decoding", () => {
    expect(qrBytesToText(Uint8Array.from([0x93, 0x5f]), '点', true)).toBe('点');
  });
});
