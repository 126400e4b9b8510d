/**
 * Optional AI extraction through any OpenAI-compatible endpoint. Nothing here imports electron;
 * the caller passes the SecretStore and the UsageStore.
 */
export { createAiClient, isAiConfigured, scrubSecrets, NO_KEY_PLACEHOLDER } from './client';
export type { AiClient, AiClientOptions, AiLogger, CallOptions, JsonCompletionRequest, JsonCompletionResult, JsonSchemaSpec } from './client';
export { extractWithAi, receiptSystemPrompt, imageMimeType, DEFAULT_CONFIDENCE_CAP, MAX_TEXT_CHARS, MAX_IMAGE_BYTES } from './extract-receipt';
export type { AiExtractInput } from './extract-receipt';
export { mergeExtractions, sameVendor } from './merge';
export type { AiFields, Alternative, AmountsCheck, MergedExtraction, MergedField } from './merge';
export { RECEIPT_JSON_SCHEMA, RECEIPT_FIELD_KEYS, parseReceiptAnswer, amountToMinor, rateToBasisPoints } from './receipt-schema';
export { DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter } from './retry';
export type { RetryPolicy } from './retry';
export { usageStatus, usagePeriod, nextPeriodStart, assertAllowance, memoryUsageStore } from './usage';
export type { UsageStatus, UsageStore } from './usage';
export { PAYMENT_METHODS } from './types';
export type { AiExtraction, AiExtractionMeta, AiField, AiSettings, AnySource, LineItem, PaymentMethod, ResponseMode } from './types';
