/**
 * QR evaluation on real third-party Swiss QR-bills (shared/datasets/swissqr): parses the SIX
 * "Datenschema" payload texts and decodes + parses the example bill images, comparing each field
 * with the dataset's ground truth after normalising representation (amount strings vs minor units,
 * "" vs null, joined vs split address lines).
 *
 *   npm run eval:qr                                  # ../shared/datasets/swissqr
 *   npm run eval:qr -- /path/to/swissqr
 *
 * One line per file, then one JSON object with the totals as the last line.
 */
import { readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseMoney, toDecimalString } from '../../shared/domain/money';
import { findQrCodes, readPaymentQr, type QrBillAddress, type SwissQrBill } from '../../electron/main/services/intake/qr';

type Fields = Record<string, string | null>;
type Json = Record<string, unknown>;

const dir = resolve(process.argv[2] ?? '../shared/datasets/swissqr');
const load = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));

/** Compares two flat field maps; amounts as minor units, whitespace collapsed, "" the same as null. */
function diff(actual: Fields, expected: Fields): string[] {
  const norm = (key: string, v: string | null, currency: string): string | null => {
    if (v === null || v.trim() === '') return null;
    if (key.endsWith('amount')) return String(parseMoney(v, currency) ?? `bad:${v}`);
    return v.replace(/\s+/g, ' ').trim();
  };
  const currency = expected.currency ?? 'CHF';
  return Object.keys(expected)
    .filter((k) => norm(k, actual[k] ?? null, currency) !== norm(k, expected[k] ?? null, currency))
    .map((k) => `${k}: got ${JSON.stringify(actual[k] ?? null)}, expected ${JSON.stringify(expected[k])}`);
}

const amountText = (bill: SwissQrBill): string | null => (bill.amount === null ? null : toDecimalString(bill.amount, bill.currency));

// ---- payload texts: the SIX field-by-field layout

function positional(bill: SwissQrBill): Fields {
  const address = (prefix: string, a: QrBillAddress | null): Fields => ({
    [`${prefix}_adr_type`]: a?.addressType ?? null,
    [`${prefix}_name`]: a?.name ?? null,
    [`${prefix}_street_or_line1`]: a ? (a.addressType === 'S' ? a.street : a.addressLine1) ?? null : null,
    [`${prefix}_house_no_or_line2`]: a ? (a.addressType === 'S' ? a.buildingNumber : a.addressLine2) ?? null : null,
    [`${prefix}_postal_code`]: a?.addressType === 'S' ? a.postalCode : null,
    [`${prefix}_town`]: a?.addressType === 'S' ? a.town : null,
    [`${prefix}_country`]: a?.country ?? null,
  });
  return {
    qr_type: 'SPC',
    version: bill.version,
    coding: String(bill.coding),
    iban: bill.account,
    ...address('cr', bill.creditor),
    ...address('ucr', null),
    amount: amountText(bill),
    currency: bill.currency,
    ...address('ud', bill.debtor),
    reference_type: bill.referenceType,
    reference: bill.reference,
    unstructured_message: bill.message,
    trailer: 'EPD',
    bill_information: bill.billingInformation?.raw ?? null,
    alternative_schemes: bill.alternativeProcedures.join('|') || null,
  };
}

/** Counts the SIX "Datenschema" texts apart from the other payload texts, which are not official. */
function evalPayloads(): { six: number; sixOk: number; other: number; otherOk: number } {
  const entries = load('payload_texts_parsed.json') as Array<{ file: string; fields_positional: Json }>;
  const counts = { six: 0, sixOk: 0, other: 0, otherOk: 0 };
  for (const { file, fields_positional: expectedRaw } of entries) {
    const expected = { ...expectedRaw, alternative_schemes: (expectedRaw.alternative_schemes as string[]).join('|') } as Fields;
    const result = readPaymentQr(readFileSync(join(dir, file), 'utf8'));
    const problems =
      result.kind === 'swiss-qr-bill'
        ? [...diff(positional(result.bill), expected), ...swicoProblem(result.bill)]
        : [`rejected: ${result.kind === 'invalid' ? result.error.message : result.kind}`];
    const official = file.startsWith('six_datenschema/');
    counts[official ? 'six' : 'other']++;
    if (problems.length === 0) counts[official ? 'sixOk' : 'otherOk']++;
    console.log(`${problems.length === 0 ? 'ok      ' : 'MISMATCH'} ${file}${problems.length ? `  ${problems.join('; ')}` : ''}`);
  }
  return counts;
}

/** A Swico problem is not a parse failure, but the SIX examples are all valid S1, so it is a finding here. */
function swicoProblem(bill: SwissQrBill): string[] {
  const problem = bill.billingInformation?.problem;
  return problem ? [`swico: ${problem.message}`] : [];
}

// ---- images: the decoder's layout (address lines joined) and the manuelbl layout

function smartiveFields(bill: SwissQrBill): Fields {
  const lines = (a: QrBillAddress | null): Fields =>
    a === null
      ? {}
      : a.addressType === 'S'
        ? { line1: `${a.street ?? ''} ${a.buildingNumber ?? ''}`, line2: `${a.postalCode} ${a.town}` }
        : { line1: a.addressLine1 ?? null, line2: a.addressLine2 };
  const address = (prefix: string, a: QrBillAddress | null): Fields => ({
    [`${prefix}.address_type`]: a?.addressType ?? null,
    [`${prefix}.name`]: a?.name ?? null,
    [`${prefix}.address_line1`]: lines(a).line1 ?? null,
    [`${prefix}.address_line2`]: lines(a).line2 ?? null,
    [`${prefix}.country`]: a?.country ?? null,
    [`${prefix}.street`]: a?.addressType === 'S' ? a.street ?? null : null,
    [`${prefix}.house_no`]: a?.addressType === 'S' ? a.buildingNumber ?? null : null,
    [`${prefix}.postal_code`]: a?.addressType === 'S' ? a.postalCode : null,
    [`${prefix}.town`]: a?.addressType === 'S' ? a.town : null,
  });
  return {
    iban: bill.account,
    account: bill.account,
    ...address('creditor', bill.creditor),
    ...address('debtor', bill.debtor),
    amount: amountText(bill),
    currency: bill.currency,
    reference_type: bill.referenceType,
    reference: bill.reference,
    message: bill.message,
    unstructured_message: bill.message,
    bill_information: bill.billingInformation?.raw ?? null,
    alternative_schemes: bill.alternativeProcedures.join('|') || null,
  };
}

/** Flattens one expected bill ({creditor: {name}} to "creditor.name"), keeping only what it states. */
function flatten(expected: Json): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'note' || key === 'language' || key === 'file' || key === 'same_as') continue;
    if (key === 'creditor' || key === 'debtor') {
      if (value === null) out[`${key}.name`] = null;
      else for (const [k, v] of Object.entries(value as Json)) out[`${key}.${k}`] = v as string | null;
    } else out[key] = Array.isArray(value) ? value.join('|') || null : (value as string | null);
  }
  return out;
}

interface ImageCase {
  file: string;
  expected: Fields[];
}

/** Entries with ground truth: their own, or that of the PDF they were rendered from ("same_as"). */
function imageCases(): ImageCase[] {
  const manifest = load('manifest.json') as { image_or_pdf_with_expected_fields: Json[] };
  const entries = manifest.image_or_pdf_with_expected_fields;
  const byFile = new Map(entries.map((e) => [e.file as string, e]));
  return entries.flatMap((e) => {
    const truth = e.same_as ? byFile.get(String(e.same_as).split(' ')[0]!) : e;
    if (!truth || String(truth.note ?? '').includes('verify by decoding')) return [];
    if (truth.qr_codes) return [{ file: e.file as string, expected: (truth.qr_codes as Json[]).map(flatten) }];
    return truth.account ? [{ file: e.file as string, expected: [flatten(truth)] }] : [];
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function evalImages(): Promise<{ total: number; ok: number; noneOk: boolean; times: number[]; cpuTimes: number[]; pdfSkipped: number }> {
  const cases = imageCases();
  const images = cases.filter((c) => extname(c.file) !== '.pdf');
  let ok = 0;
  let noneOk = false;
  const times: number[] = [];
  // CPU time as well as wall time: the wall clock says little on a machine busy with other work.
  const cpuTimes: number[] = [];
  for (const { file, expected } of images) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let bills: SwissQrBill[];
    let errors: string[];
    try {
      const results = (await findQrCodes(join(dir, file))).map((qr) => readPaymentQr(qr.text));
      bills = results.flatMap((r) => (r.kind === 'swiss-qr-bill' ? [r.bill] : []));
      errors = results.flatMap((r) => (r.kind === 'invalid' ? [r.error.message] : []));
    } catch (err) {
      bills = [];
      errors = [`decode failed: ${(err as Error).message}`];
    }
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    times.push(ms);
    cpuTimes.push(cpuMs);
    const failures = [...errors, ...matchBills(bills, expected)];
    const good = failures.length === 0;
    if (good) ok++;
    if (expected.length === 0) noneOk = good;
    const outcome = good ? (expected.length === 0 ? 'no QR bill, as expected' : `${bills.length} bill(s)`) : failures.join('; ');
    const notes = bills.flatMap(swicoNote).join(' ');
    console.log(`${good ? 'ok      ' : 'MISMATCH'} ${file} ${ms.toFixed(0).padStart(5)} ms (cpu ${cpuMs.toFixed(0).padStart(4)} ms)  ${outcome} ${notes}`.trimEnd());
  }
  return { total: images.length, ok, noneOk, times, cpuTimes, pdfSkipped: cases.length - images.length };
}

/** Pairs each expected bill with the read bill that differs least; extra or missing bills are mismatches. */
function matchBills(bills: SwissQrBill[], expected: Fields[]): string[] {
  const problems: string[] = [];
  const left = [...bills];
  for (const want of expected) {
    const scored = left.map((bill) => ({ bill, d: diff(smartiveFields(bill), want) })).sort((a, b) => a.d.length - b.d.length);
    const best = scored[0];
    if (!best) {
      problems.push(`missing bill for ${want.iban ?? want.account}`);
      continue;
    }
    left.splice(left.indexOf(best.bill), 1);
    problems.push(...best.d);
  }
  problems.push(...left.map((b) => `unexpected bill ${b.account}`));
  return problems;
}

/** Non-S1 or malformed billing information is reported but does not fail the bill. */
function swicoNote(bill: SwissQrBill): string[] {
  const problem = bill.billingInformation?.problem;
  return problem ? [`(billing information kept raw: ${problem.message})`] : [];
}

const payloads = evalPayloads();
const images = await evalImages();
const sorted = [...images.times].sort((a, b) => a - b);
const cpuSorted = [...images.cpuTimes].sort((a, b) => a - b);
console.log(`pdf skipped: ${images.pdfSkipped} (rendering PDF pages to images is another module's job)`);
console.log(
  JSON.stringify({
    eval: 'qr',
    payloads: payloads.six,
    payloads_ok: payloads.sixOk,
    other_payloads: payloads.other,
    other_payloads_ok: payloads.otherOk,
    images: images.total,
    images_ok: images.ok,
    none_ok: images.noneOk,
    p50_ms: Math.round(percentile(sorted, 50)),
    p95_ms: Math.round(percentile(sorted, 95)),
    cpu_p50_ms: Math.round(percentile(cpuSorted, 50)),
    cpu_p95_ms: Math.round(percentile(cpuSorted, 95)),
  }),
);
