import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { reply, startOpenAiCompatible, type OpenAiCompatibleServer, type RecordedRequest } from '../../../../test/servers/openai-compatible';
import type { SecretStore } from '../index';
import { createAiClient, type AiClientOptions } from './client';
import { extractWithAi, type AiExtractInput } from './extract-receipt';
import { RECEIPT_FIELD_KEYS, RECEIPT_JSON_SCHEMA, amountToMinor, parseReceiptAnswer, rateToBasisPoints } from './receipt-schema';
import type { AiSettings } from './types';
import { memoryUsageStore } from './usage';
import { caught } from '../../../../test/helpers/errors';

const KEY = 'sk-extract-0123456789';
const secrets: SecretStore = { get: (n) => (n === 'ai.key' ? KEY : null), set: () => {}, delete: () => {} };
const FAST: AiClientOptions['retry'] = { baseDelayMs: 20, maxDelayMs: 80, deadlineMs: 5_000 };

const OCR = ['Migros Zürich HB', 'Bahnhofplatz 15, 8001 Zürich', '03.03.2026 12:41', 'Brot 4.20', 'Käse 12.30', 'Total CHF 16.50', 'MWST 2.6% 0.42', 'Karte Visa'].join('\n');
// A PNG signature and a little more: enough for the type check, the model never decodes it here.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

/** What a good model says about OCR above; overrides to break it on purpose. */
function answer(overrides: Record<string, unknown> = {}) {
  const confidence = Object.fromEntries(RECEIPT_FIELD_KEYS.map((k) => [k, 0.9]));
  return {
    documentType: 'receipt',
    vendorName: 'Migros Zürich HB',
    vendorAddress: 'Bahnhofplatz 15, 8001 Zürich',
    vendorVatId: 'CHE-105.829.940 MWST',
    iban: null,
    documentDate: '2026-03-03',
    dueDate: null,
    invoiceNumber: null,
    currency: 'CHF',
    total: '16.50',
    subtotal: '16.08',
    taxTotal: '0.42',
    vatLines: [{ rate: '2.6', amount: '0.42' }],
    paymentMethod: 'card',
    lineItems: [
      { description: 'Brot', amount: '4.20' },
      { description: 'Käse', amount: '12.30' },
    ],
    confidence: { ...confidence, vendorName: 0.99, total: 0.6, dueDate: 0 },
    ...overrides,
  };
}

let server: OpenAiCompatibleServer;
let settings: AiSettings;
const input: AiExtractInput = { ocrText: OCR, image: PNG, languages: ['de'], locale: 'de-CH', defaultCurrency: 'CHF' };

beforeAll(async () => {
  server = await startOpenAiCompatible({ apiKey: KEY });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  settings = { baseUrl: server.baseUrl, model: 'fake-model', apiKeySecretName: 'ai.key', timeoutMs: 2_000 };
});

const client = (overrides: Partial<AiSettings> = {}, options: AiClientOptions = {}) =>
  createAiClient({ ...settings, ...overrides }, secrets, { retry: FAST, ...options });

describe('extractWithAi', () => {
  it('reads the fields: minor units, ISO days, capped confidences, source ai', async () => {
    server.script(reply.json(() => answer()));
    const result = await extractWithAi(client(), input);

    expect(result.vendorName).toEqual({ value: 'Migros Zürich HB', confidence: 0.85, source: 'ai' });
    expect(result.total).toEqual({ value: 1650, confidence: 0.6, source: 'ai' });
    expect(result.subtotal?.value).toBe(1608);
    expect(result.taxTotal?.value).toBe(42);
    expect(result.vat).toEqual([{ value: { rateBp: 260, net: null, tax: 42, gross: null }, confidence: 0.85, source: 'ai' }]);
    expect(result.date?.value).toBe('2026-03-03');
    expect(result.dueDate).toBeNull();
    expect(result.currency).toEqual({ value: 'CHF', confidence: 0.85, source: 'ai' });
    expect(result.documentType?.value).toBe('receipt');
    expect(result.vendorVatId?.value).toBe('CHE-105.829.940 MWST');
    expect(result.paymentMethod?.value).toBe('card');
    expect(result.lineItems.map((f) => f.value)).toEqual([
      { description: 'Brot', amount: 420 },
      { description: 'Käse', amount: 1230 },
    ]);
    expect(result.meta).toMatchObject({ model: 'fake-model', responseMode: 'json_schema', requests: 1, imageSent: false });
    expect(result.notes).toEqual([]);

    const [sent] = server.chatRequests();
    expect(sent!.text).toContain('Total CHF 16.50');
    expect(sent!.text).toMatch(/day first/);
    expect(sent!.body!.response_format!.json_schema).toMatchObject({ name: 'receipt_fields', strict: true, schema: RECEIPT_JSON_SCHEMA });
  });

  it('attaches the image only when sendImages is on', async () => {
    server.script(reply.json(answer()), reply.json(answer()));
    expect((await extractWithAi(client({ sendImages: false }), input)).meta.imageSent).toBe(false);
    expect((await extractWithAi(client({ sendImages: true }), input)).meta.imageSent).toBe(true);
    const [without, withImage] = server.chatRequests();
    expect(without!.images).toBe(0);
    expect(withImage!.images).toBe(1);
    const parts = withImage!.body!.messages![1]!.content as Array<{ type: string; image_url?: { url: string } }>;
    expect(parts.find((p) => p.type === 'image_url')!.image_url!.url).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
  });

  it('answers built from the request: the model sees the OCR text', async () => {
    const echo = (req: RecordedRequest) => answer({ vendorName: /OCR text of the document:\n"""\n(.+)\n/.exec(req.text)?.[1] ?? null });
    server.script(reply.json(echo));
    expect((await extractWithAi(client(), input)).vendorName?.value).toBe('Migros Zürich HB');
  });

  it('malformed JSON and prose are AI_BAD_RESPONSE, not retried', async () => {
    server.script(reply.content('{"vendorName": "Migros", "total": "16.50"'), reply.content('The total of this receipt is CHF 16.50, bought at Migros.'));
    for (let i = 0; i < 2; i += 1) {
      const error = await caught(extractWithAi(client(), input));
      expect(error.code).toBe('AI_BAD_RESPONSE');
      expect(JSON.stringify(error.toData())).not.toContain(KEY);
    }
    expect(server.chatRequests()).toHaveLength(2);
  });

  it('an answer cut off at the output limit is AI_BAD_RESPONSE', async () => {
    server.script(reply.content('{"vendorName": "Mig', 'length'));
    expect((await caught(extractWithAi(client(), input))).message).toMatch(/stopped before finishing/);
  });

  it('rejects wrong decimals, impossible days and invented currencies with the issues', async () => {
    server.script(reply.json(answer({ total: '12.345', documentDate: '2026-02-30', currency: 'XBT' })));
    const error = await caught(extractWithAi(client(), input));
    expect(error.code).toBe('AI_BAD_RESPONSE');
    const issues = (error.details as { issues: Array<{ path: string }> }).issues.map((i) => i.path);
    expect(issues).toEqual(expect.arrayContaining(['total', 'documentDate', 'currency']));
    expect(error.message).toMatch(/did not fit/);
  });

  it('rejects wrong JSON types and unknown document types', async () => {
    server.script(reply.json(answer({ vendorName: 42, documentType: 'bill' })));
    const error = await caught(extractWithAi(client(), input));
    expect(error.code).toBe('AI_BAD_RESPONSE');
    expect((error.details as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toEqual(expect.arrayContaining(['vendorName', 'documentType']));
  });

  it('drops an IBAN that fails its checksum with a note; keeps a valid one normalised', async () => {
    server.script(reply.json(answer({ iban: 'CH93 0076 2011 6238 5295 8' })), reply.json(answer({ iban: 'ch9300762011623852957' })));
    const bad = await extractWithAi(client(), input);
    expect(bad.iban).toBeNull();
    expect(bad.notes.join(' ')).toMatch(/IBAN.*checksum/);
    expect(bad.total?.value).toBe(1650);
    const good = await extractWithAi(client(), input);
    expect(good.iban?.value).toBe('CH9300762011623852957');
  });

  it('uses the default currency, with a low confidence, when the document names none', async () => {
    server.script(reply.json(answer({ currency: null, total: '1200', subtotal: null, taxTotal: null, vatLines: [], lineItems: [] })));
    const result = await extractWithAi(client(), { ...input, defaultCurrency: 'JPY' });
    expect(result.currency).toEqual({ value: 'JPY', confidence: 0.2, source: 'ai' });
    expect(result.total?.value).toBe(1200);
  });

  it('falls back to json_object with the schema in the prompt', async () => {
    const limited = await startOpenAiCompatible({ responseFormats: ['json_object'] });
    try {
      limited.script(reply.json(answer()));
      const c = client({ baseUrl: limited.baseUrl });
      const result = await extractWithAi(c, input);
      expect(result.meta).toMatchObject({ responseMode: 'json_object', requests: 2 });
      expect(result.total?.value).toBe(1650);
      expect(limited.chatRequests()[1]!.text).toContain('"vatLines"');
    } finally {
      await limited.close();
    }
  });

  it('sends nothing when the allowance is used up, nor when there is nothing to read', async () => {
    const store = memoryUsageStore({ '2026-03': 3 });
    const c = client({ monthlyAllowance: 3 }, { usage: { store, now: () => new Date(2026, 2, 31, 12) } });
    const error = await caught(extractWithAi(c, input));
    expect(error.code).toBe('AI_QUOTA_EXCEEDED');
    expect(error.message).toContain('2026-04-01');
    expect((await caught(extractWithAi(client(), { ocrText: '  ' }))).code).toBe('VALIDATION_FAILED');
    expect(server.requests).toHaveLength(0);
  });

  it('not configured: AI_NOT_CONFIGURED before anything is sent', () => {
    expect(() => client({ model: null })).toThrow(expect.objectContaining({ code: 'AI_NOT_CONFIGURED' }));
    expect(() => client({ baseUrl: null })).toThrow(expect.objectContaining({ code: 'AI_NOT_CONFIGURED' }));
    expect(server.requests).toHaveLength(0);
  });
});

describe('receipt answer parsing', () => {
  const opts = { defaultCurrency: 'CHF', confidenceCap: 0.85 };

  it('converts amounts on text, never rounding', () => {
    expect(amountToMinor('16.50', 'CHF')).toBe(1650);
    expect(amountToMinor('16.5', 'CHF')).toBe(1650);
    expect(amountToMinor('-3.00', 'CHF')).toBe(-300);
    expect(amountToMinor('1,234.50', 'CHF')).toBe(123450);
    expect(amountToMinor('1200.00', 'JPY')).toBe(1200);
    expect(amountToMinor('12.340', 'CHF')).toBe(1234);
    expect(amountToMinor('1.234', 'KWD')).toBe(1234);
    expect(amountToMinor('12.345', 'CHF')).toBeNull();
    expect(amountToMinor('12,50', 'CHF')).toBeNull();
    expect(amountToMinor('1,234', 'CHF')).toBeNull();
    expect(amountToMinor('CHF 12.50', 'CHF')).toBeNull();
    expect(amountToMinor('', 'CHF')).toBeNull();
    expect(amountToMinor(16.5, 'CHF')).toBe(1650);
    expect(amountToMinor(0.1, 'CHF')).toBe(10);
    expect(amountToMinor(12.345, 'CHF')).toBeNull();
    expect(amountToMinor(1e21, 'CHF')).toBeNull();
  });

  it('reads VAT rates as basis points', () => {
    expect(rateToBasisPoints('8.1')).toBe(810);
    expect(rateToBasisPoints('7.7%')).toBe(770);
    expect(rateToBasisPoints(19)).toBe(1900);
    expect(rateToBasisPoints('2,6')).toBe(260);
    expect(rateToBasisPoints('0.081')).toBeNull();
    expect(rateToBasisPoints('150')).toBeNull();
  });

  it('treats missing keys as null but an object without any field as bad', () => {
    const sparse = parseReceiptAnswer({ documentType: 'Invoice', total: '10.00' }, opts);
    expect(sparse.ok && sparse.value.total).toEqual({ value: 1000, confidence: 0.5, source: 'ai' });
    expect(sparse.ok && sparse.value.documentType?.value).toBe('invoice');
    expect(parseReceiptAnswer({ answer: 'a receipt' }, opts).ok).toBe(false);
  });

  it('drops unreadable line items with a note and maps payment methods', () => {
    const r = parseReceiptAnswer(
      answer({ lineItems: [{ description: 'Brot', amount: '4.20' }, { description: 'Käse', amount: '1.2345' }], paymentMethod: 'Visa Debit' }),
      opts
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.lineItems).toHaveLength(1);
    expect(r.value.notes.join(' ')).toMatch(/1 line item/);
    expect(r.value.paymentMethod?.value).toBe('card');
  });

  it('the wire schema is strict: every property required, no extra keys', () => {
    const schema = RECEIPT_JSON_SCHEMA as { required: string[]; properties: Record<string, { required?: string[] }>; additionalProperties: boolean };
    expect(schema.additionalProperties).toBe(false);
    expect([...schema.required].sort()).toEqual(Object.keys(schema.properties).sort());
    expect([...schema.properties.confidence!.required!].sort()).toEqual([...RECEIPT_FIELD_KEYS].sort());
  });
});
