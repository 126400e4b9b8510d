/**
 * Check digits of the payment references that QR payment codes carry.
 * Both schemes catch a single mistyped digit and most transpositions, which is why a bad one
 * means the payload was altered or mis-generated rather than a harmless formatting difference.
 */

const MOD10_TABLE = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5] as const;

/** Modulo 10 recursive (the former ISR scheme) over a digit string: the check digit to append. */
export function mod10RecursiveCheckDigit(digits: string): number {
  let carry = 0;
  for (const ch of digits) carry = MOD10_TABLE[(carry + Number(ch)) % 10]!;
  return (10 - carry) % 10;
}

/** QR reference: 27 digits, the last one the modulo 10 recursive check digit of the first 26. */
export function isValidQrReference(reference: string): boolean {
  return /^\d{27}$/.test(reference) && mod10RecursiveCheckDigit(reference.slice(0, 26)) === Number(reference[26]);
}

/** ISO 11649 creditor reference: "RF", two check digits, 1 to 21 letters or digits, mod 97 = 1. */
export function isValidCreditorReference(reference: string): boolean {
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(reference)) return false;
  const rearranged = reference.slice(4) + reference.slice(0, 4);
  // Letters count as 10..35; folding digit by digit keeps the number small, no bigint needed.
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of value) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}
