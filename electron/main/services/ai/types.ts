import type { DocumentType, Field, FieldSource, VatEntry } from '../intake/extract/types';
import { PAYMENT_METHODS } from '../../../../shared/contract';

export type { DocumentType, VatEntry };

/**
 * Settings of the optional AI features. Any server that speaks the OpenAI chat completions API
 * works: OpenAI itself, or a local model server (Ollama: "http://localhost:11434/v1",
 * LM Studio: "http://localhost:1234/v1").
 */
export interface AiSettings {
  /** Base URL of the API including the version path, e.g. "https://api.openai.com/v1". */
  baseUrl: string | null;
  /** Model name as the server knows it ("gpt-4o-mini", "llama3.2-vision"). */
  model: string | null;
  /** Name of the API key in the SecretStore; null (or no such secret) for servers without keys. */
  apiKeySecretName: string | null;
  /** Send the page image along with the OCR text (only for models that take images). Default false. */
  sendImages?: boolean;
  /** Time one request may take, in ms (default 45 000; local models on a CPU may need more). */
  timeoutMs?: number;
  /** AI calls allowed per calendar month; null or undefined: no limit. */
  monthlyAllowance?: number | null;
  /** Sampling temperature; not sent when unset (reasoning models only take their default). */
  temperature?: number | null;
  /** Highest confidence an AI field can get (model self-reports are not calibrated). Default 0.85. */
  confidenceCap?: number;
}

/** Where a value came from: the offline extractor's sources plus the model. */
export type AnySource = FieldSource | 'ai';

/** A field as the AI extraction produces it: same shape as the offline extractor's, source 'ai'. */
export type AiField<T> = Omit<Field<T>, 'source'> & { source: 'ai' };

/** The ledger's own list, so what the model answers can be filed as it is. */
export { PAYMENT_METHODS };
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface LineItem {
  description: string;
  /** Minor units of the extraction's currency (negative for discounts). */
  amount: number;
}

/** How the structured answer was asked for (servers differ in what they take). */
export type ResponseMode = 'json_schema' | 'json_object' | 'text';

/**
 * What `extractWithAi` returns. The field names and shapes match the offline `ExtractedFields`
 * (so the two merge field by field) plus what only the model provides (VAT id, tax total,
 * payment method, line items). Amounts are integer minor units of `currency.value`; dates ISO days.
 */
export interface AiExtraction {
  vendorName: AiField<string> | null;
  vendorAddress: AiField<string> | null;
  vendorVatId: AiField<string> | null;
  /** Date of the document (purchase or invoice date). */
  date: AiField<string> | null;
  dueDate: AiField<string> | null;
  total: AiField<number> | null;
  subtotal: AiField<number> | null;
  /** Sum of the taxes as printed. */
  taxTotal: AiField<number> | null;
  /** net and gross are always null here: the model is asked for rate and tax amount only. */
  vat: Array<AiField<VatEntry>>;
  /** Always set: the model's, else the default currency with a low confidence. */
  currency: AiField<string>;
  documentType: AiField<DocumentType> | null;
  invoiceNumber: AiField<string> | null;
  /** Electronic format (no spaces), checksum-validated; an invalid one is dropped with a note. */
  iban: AiField<string> | null;
  paymentMethod: AiField<PaymentMethod> | null;
  lineItems: Array<AiField<LineItem>>;
  /** Things worth showing on the review screen ("the IBAN ... failed its checksum and was dropped"). */
  notes: string[];
  meta: AiExtractionMeta;
}

export interface AiExtractionMeta {
  model: string;
  responseMode: ResponseMode;
  /** HTTP requests sent for this extraction (retries and format fallbacks included). */
  requests: number;
  imageSent: boolean;
  /** Token counts as the server reported them, when it did. */
  tokens: { prompt: number; completion: number } | null;
}
