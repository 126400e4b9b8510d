import { calculateQRReferenceChecksum, calculateSCORReferenceChecksum } from 'swissqrbill/utils';
import { describe, expect, it } from 'vitest';
import { isValidCreditorReference, isValidQrReference, mod10RecursiveCheckDigit } from './references';

// A fixed pseudo-random sequence, so a failure can be replayed.
function* digitStrings(count: number, length: number): Generator<string> {
  let seed = 12345;
  for (let i = 0; i < count; i++) {
    let s = '';
    for (let j = 0; j < length; j++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      s += String(seed % 10);
    }
    yield s;
  }
}

describe('QR reference (modulo 10 recursive)', () => {
  it('agrees with swissqrbill on many references', () => {
    for (const body of digitStrings(200, 26)) expect(String(mod10RecursiveCheckDigit(body))).toBe(calculateQRReferenceChecksum(body));
  });

  it('accepts a valid reference and rejects every single-digit change of it', () => {
    const valid = '210000000003139471430009017';
    expect(isValidQrReference(valid)).toBe(true);
    for (let i = 0; i < valid.length; i++) {
      const changed = valid.slice(0, i) + String((Number(valid[i]) + 3) % 10) + valid.slice(i + 1);
      expect(isValidQrReference(changed)).toBe(false);
    }
    expect(isValidQrReference(valid.slice(1))).toBe(false);
  });
});

describe('ISO 11649 creditor reference', () => {
  it('agrees with swissqrbill on references with letters and digits', () => {
    for (const body of ['539007547034', 'INV2024X17', 'A', '0000000000000000000001', 'ZZZZ9999']) {
      const ref = `RF${calculateSCORReferenceChecksum(body)}${body}`;
      expect(isValidCreditorReference(ref), ref).toBe(ref.length <= 25);
    }
  });

  it('rejects wrong check digits, lower case and over-long references', () => {
    expect(isValidCreditorReference('RF18539007547034')).toBe(true);
    expect(isValidCreditorReference('RF19539007547034')).toBe(false);
    expect(isValidCreditorReference('rf18539007547034')).toBe(false);
    expect(isValidCreditorReference('RF18')).toBe(false);
  });
});
