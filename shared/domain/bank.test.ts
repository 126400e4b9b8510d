import { describe, expect, it } from 'vitest';
import { formatIban, isValidBic, isValidIban, normalizeIban } from './bank';

describe('IBAN (ISO 13616)', () => {
  it('accepts real IBANs in any spacing and case', () => {
    expect(isValidIban('CH93 0076 2011 6238 5295 7')).toBe(true);
    expect(isValidIban('de89370400440532013000')).toBe(true);
    expect(isValidIban('GB29 NWBK 6016 1331 9268 19')).toBe(true);
    expect(isValidIban('CH44 3199 9123 0008 8901 2')).toBe(true); // QR-IBAN
  });

  it('rejects wrong check digits, lengths and countries', () => {
    expect(isValidIban('CH94 0076 2011 6238 5295 7')).toBe(false);
    expect(isValidIban('CH93 0076 2011 6238 5295')).toBe(false);
    expect(isValidIban('XX93 0076 2011 6238 5295 7')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });

  it('normalises and formats', () => {
    expect(normalizeIban(' ch93 0076 2011 6238 5295 7 ')).toBe('CH9300762011623852957');
    expect(formatIban('CH9300762011623852957')).toBe('CH93 0076 2011 6238 5295 7');
  });
});

describe('BIC (ISO 9362)', () => {
  it('accepts 8 and 11 character codes', () => {
    expect(isValidBic('UBSWCHZH80A')).toBe(true);
    expect(isValidBic('POFICHBE')).toBe(true);
    expect(isValidBic('deutdeff')).toBe(true);
  });

  it('rejects malformed codes', () => {
    expect(isValidBic('UBSWCHZH80AX')).toBe(false);
    expect(isValidBic('UBSW')).toBe(false);
    expect(isValidBic('1BSWCHZH')).toBe(false);
    expect(isValidBic('UBSWXXZH')).toBe(false);
  });
});
