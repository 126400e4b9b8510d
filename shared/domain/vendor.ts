/**
 * The key vendors are matched on: "Migros Genossenschaft AG", "MIGROS  genossenschaft ag." and
 * "Migrós Genossenschaft" all become "migros genossenschaft".
 */
const LEGAL_FORMS = new Set([
  'ag', 'gmbh', 'sa', 'sarl', 'sàrl', 'srl', 'sagl', 'ltd', 'llc', 'inc', 'co', 'corp', 'plc', 'bv', 'nv', 'kg', 'ohg', 'sdn', 'bhd', 'se',
]);

export function normalizeVendorName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}
