import type { ChatCompletionContentPart } from 'openai/resources/chat/completions';
import { isIsoCurrency } from '../../../../shared/domain/currency';
import { AppError } from '../../../../shared/errors';
import type { AiClient, CallOptions } from './client';
import { RECEIPT_JSON_SCHEMA, parseReceiptAnswer } from './receipt-schema';
import type { AiExtraction } from './types';

/**
 * Receipt and invoice fields read by a model: one chat completion (OCR text, optionally the page
 * image) with structured output, validated and converted like the offline extractor's output.
 */

export interface AiExtractInput {
  /** The OCR text (or PDF text layer), one line per line. */
  ocrText: string;
  /** The page as PNG or JPEG; sent only when the client's settings say `sendImages`. Downscale it
   *  first (about 1600 px on the long side is plenty, and cheaper). */
  image?: Uint8Array | null;
  /** Languages the document is likely in (BCP 47: "de", "fr-CH"), most likely first. */
  languages?: readonly string[];
  /** The user's locale ("de-CH"): tells the model whether 03/04 is day first. */
  locale?: string;
  /** ISO 4217; used when the document names no currency. Default CHF. */
  defaultCurrency?: string;
}

export const DEFAULT_CONFIDENCE_CAP = 0.85;
/** OCR text beyond this is cut (a receipt is far shorter; this only guards against a 40-page PDF). */
export const MAX_TEXT_CHARS = 16_000;
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export function imageMimeType(image: Uint8Array): 'image/png' | 'image/jpeg' | null {
  if (image.length >= 8 && image[0] === 0x89 && image[1] === 0x50 && image[2] === 0x4e && image[3] === 0x47) return 'image/png';
  if (image.length >= 3 && image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff) return 'image/jpeg';
  return null;
}

export function receiptSystemPrompt(input: Pick<AiExtractInput, 'languages' | 'locale'>, withImage: boolean): string {
  const lines = [
    'You read receipts and invoices for a bookkeeping app.',
    withImage
      ? 'You get the OCR text of one document (it may contain recognition errors) and an image of the document; trust the image where they differ.'
      : 'You get the OCR text of one document; it may contain recognition errors.',
    'Report the fields exactly as the document shows them. Never invent a value: use null when a field is not on the document.',
    '',
    'Rules:',
    '- Amounts are decimal strings with a dot as decimal separator, without thousands separators or currency symbols, with the usual decimals of the currency ("1234.50"; for JPY "1200"). Negative only for refunds and credits.',
    '- total is the amount paid or to pay, tax included. subtotal is the amount before tax when printed. taxTotal is the sum of the VAT or sales tax.',
    '- vatLines: one entry per tax rate: the rate in percent ("8.1") and the tax amount at that rate.',
    '- Dates are YYYY-MM-DD. documentDate is the purchase or invoice date; dueDate only when printed or given by the payment terms.',
    '- currency is the ISO 4217 code (CHF, EUR, USD, ...) printed or clearly implied by a symbol; null when the document does not show it.',
    '- documentType is "invoice" when payment is asked for later (due date, bank details, payment slip), otherwise "receipt".',
    '- iban without spaces. vendorVatId is the seller\'s VAT, UID or tax number.',
    '- confidence: for every field, how sure you are, from 0 (a guess) to 1 (clearly printed); use 0 for fields you left null.',
  ];
  const languages = (input.languages ?? []).filter((l) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l));
  if (languages.length > 0) lines.push('', `The document is probably in: ${languages.join(', ')}.`);
  if (input.locale && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.locale)) {
    const monthFirst = /^en-(US|PH)\b/i.test(input.locale);
    lines.push(
      `The user's locale is ${input.locale}: numeric dates such as 03/04/2026 are most likely ${monthFirst ? 'month first (MM/DD/YYYY)' : 'day first (DD.MM.YYYY or DD/MM/YYYY)'}.`
    );
  }
  return lines.join('\n');
}

/**
 * Reads one document with the model. One logical AI call (counted once against the allowance).
 * Throws AppError: AI_NOT_CONFIGURED / AI_QUOTA_EXCEEDED / AI_AUTH_FAILED / AI_REQUEST_REJECTED /
 * AI_UNAVAILABLE / AI_CANCELLED from the client, AI_BAD_RESPONSE when the answer is not the JSON
 * asked for (details.issues: FieldIssue[]), VALIDATION_FAILED when there is nothing to send.
 */
export async function extractWithAi(client: AiClient, input: AiExtractInput, options: CallOptions = {}): Promise<AiExtraction> {
  const settings = client.settings;
  const notes: string[] = [];
  const defaultCurrency = input.defaultCurrency && isIsoCurrency(input.defaultCurrency) ? input.defaultCurrency : 'CHF';
  const cap = Math.min(1, Math.max(0, settings.confidenceCap ?? DEFAULT_CONFIDENCE_CAP));

  let image: { mime: string; data: Uint8Array } | null = null;
  if (input.image && settings.sendImages) {
    const mime = imageMimeType(input.image);
    if (!mime) throw new AppError('VALIDATION_FAILED', 'The image for AI extraction must be a PNG or JPEG.');
    if (input.image.length > MAX_IMAGE_BYTES) notes.push('The page image was too large to send; the AI read the OCR text only.');
    else image = { mime, data: input.image };
  }

  let text = input.ocrText.replace(/\r\n?/g, '\n').trim();
  if (!text && !image) throw new AppError('VALIDATION_FAILED', 'There is no text (and no image to send) for AI extraction.');
  if (text.length > MAX_TEXT_CHARS) {
    text = text.slice(0, MAX_TEXT_CHARS);
    notes.push(`Only the first ${MAX_TEXT_CHARS} characters of the text were sent to the AI.`);
  }

  const user: ChatCompletionContentPart[] = [
    { type: 'text', text: text ? `OCR text of the document:\n"""\n${text}\n"""` : 'There is no OCR text; read the document from the image.' },
  ];
  if (image) {
    user.push({ type: 'image_url', image_url: { url: `data:${image.mime};base64,${Buffer.from(image.data).toString('base64')}`, detail: 'high' } });
  }

  const result = await client.completeJson(
    {
      system: receiptSystemPrompt(input, image !== null),
      user,
      schema: { name: 'receipt_fields', description: 'Fields of one receipt or invoice', schema: RECEIPT_JSON_SCHEMA },
      // Deterministic reading where the model allows it; reasoning models reject the parameter.
      ...(settings.temperature !== undefined && settings.temperature !== null && { temperature: settings.temperature }),
    },
    options
  );

  const parsed = parseReceiptAnswer(result.value, { defaultCurrency, confidenceCap: cap });
  if (!parsed.ok) {
    const first = parsed.issues[0]!;
    throw new AppError(
      'AI_BAD_RESPONSE',
      `The AI answer did not fit the expected fields: ${first.path ? `${first.path}: ` : ''}${first.message}${parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : ''}.`,
      { issues: parsed.issues, responseMode: result.mode, requests: result.requests }
    );
  }

  return {
    ...parsed.value,
    notes: [...notes, ...parsed.value.notes],
    meta: {
      model: result.model,
      responseMode: result.mode,
      requests: result.requests,
      imageSent: image !== null,
      tokens: result.tokens,
    },
  };
}
