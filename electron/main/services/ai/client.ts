import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import type { ChatCompletionContentPart, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { AppError } from '../../../../shared/errors';
import type { SecretStore } from '../index';
import { DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter, sleep, type RetryPolicy } from './retry';
import type { AiSettings, ResponseMode } from './types';
import { takeOne, usageStatus, type UsageGate, type UsageStatus, type UsageStore } from './usage';

/**
 * One client per AI settings: an `openai` SDK client pointed at any OpenAI-compatible server,
 * wrapped in our own retry policy, the monthly allowance, error mapping and the response-format
 * fallback. Keep it for as long as the settings do not change (it remembers which structured
 * output mode the server takes).
 *
 * Errors (all AppError; none ever contains the API key):
 *   AI_NOT_CONFIGURED     no base URL or model, or a base URL that is not http(s)
 *   AI_QUOTA_EXCEEDED     the monthly allowance is used up (nothing was sent)
 *   AI_AUTH_FAILED        401/403: the key is missing, wrong or lacks access
 *   AI_REQUEST_REJECTED   400/404/422 and other 4xx, and a 429 "insufficient_quota" (no credit
 *                         left): the server refused the request (wrong model name, wrong base
 *                         URL, request too large...); not retried
 *   AI_UNAVAILABLE        connection errors, timeouts, 5xx and 429 still failing after the
 *                         retries or the deadline; details.reason says which
 *   AI_BAD_RESPONSE       an answer that is not the JSON asked for
 *   AI_CANCELLED          the caller's abort signal fired
 *   SECRETS_UNAVAILABLE   the SecretStore could not be read
 *
 * Retries (the SDK's own are off): 429 (and 503) wait for Retry-After when given (a wait longer
 * than `maxRetryAfterMs` or past the deadline is not attempted: the call fails at once with
 * details.retryAt); 5xx, 408, 409, connection errors and timeouts back off exponentially
 * with jitter; at most `maxAttempts` attempts, all within `deadlineMs`. 4xx are not retried.
 */

export const NO_KEY_PLACEHOLDER = 'no-key';
const DEFAULT_TIMEOUT_MS = 45_000;

export interface AiLogger {
  (message: string, details?: Record<string, unknown>): void;
}

export interface AiClientOptions {
  retry?: Partial<RetryPolicy>;
  /**
   * Where calls are counted; the allowance is `settings.monthlyAllowance` (null: no limit, still
   * counted). Without a store nothing is counted or enforced.
   */
  usage?: { store: UsageStore; now?: () => Date };
  /** Receives one line per retry or fallback; never the key, the prompt or the answer. */
  log?: AiLogger;
  /** A fetch implementation for the SDK (tests, proxies); global fetch by default. */
  fetch?: typeof fetch;
  /** Structured output mode to start with (a mode learnt earlier and persisted by the caller). */
  responseMode?: ResponseMode;
}

export interface JsonSchemaSpec {
  /** a-z, A-Z, 0-9, _ and -, at most 64 characters. */
  name: string;
  description?: string;
  schema: Record<string, unknown>;
}

export interface JsonCompletionRequest {
  system: string;
  /** Plain text, or content parts (text and images) for the user message. */
  user: string | ChatCompletionContentPart[];
  schema: JsonSchemaSpec;
  /** Not sent unless set: some models (reasoning ones) refuse anything but their default. */
  temperature?: number;
  /** Sent as max_completion_tokens when set. */
  maxTokens?: number;
}

export interface JsonCompletionResult {
  /** The parsed JSON answer (not validated: that is the caller's job). */
  value: unknown;
  mode: ResponseMode;
  /** HTTP requests sent (retries and format fallbacks included). */
  requests: number;
  model: string;
  tokens: { prompt: number; completion: number } | null;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface AiClient {
  readonly baseUrl: string;
  readonly model: string;
  readonly settings: Readonly<AiSettings>;
  /** Current structured-output mode: starts at json_schema, steps down when the server refuses it. */
  readonly responseMode: ResponseMode;
  /** One logical call: counted once against the allowance, however many attempts it takes. */
  completeJson(request: JsonCompletionRequest, options?: CallOptions): Promise<JsonCompletionResult>;
  /** The allowance right now, or null when the client has no usage gate. */
  usage(): UsageStatus | null;
}

export function isAiConfigured(settings: Pick<AiSettings, 'baseUrl' | 'model'> | null | undefined): boolean {
  return Boolean(settings?.baseUrl?.trim() && settings.model?.trim());
}

function normalizeBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('AI_NOT_CONFIGURED', 'The AI base URL is not a valid URL (e.g. "https://api.openai.com/v1" or "http://localhost:11434/v1").');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('AI_NOT_CONFIGURED', 'The AI base URL must start with http:// or https://.');
  }
  if (url.username || url.password) {
    throw new AppError('AI_NOT_CONFIGURED', 'Put the API key in the key field, not in the AI base URL.');
  }
  return url.toString().replace(/\/+$/, '');
}

/** Removes anything that looks like a credential from text that came from elsewhere. */
export function scrubSecrets(text: string, ...secrets: Array<string | null | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('***');
  }
  return out
    .replace(/\b(sk|pk|rk)-[A-Za-z0-9_-]{6,}/g, '$1-***')
    .replace(/\b(Bearer)\s+[^\s"',;]+/gi, '$1 ***')
    .slice(0, 300);
}

type Failure =
  | { kind: 'format' }
  | { kind: 'auth'; status: number }
  | { kind: 'rejected'; status: number; serverMessage: string }
  | { kind: 'rate'; status: number; retryAfterMs: number | null; serverMessage: string }
  | { kind: 'transient'; reason: 'timeout' | 'connection' | 'server_error'; status?: number; retryAfterMs: number | null }
  | { kind: 'bad_response'; message: string };

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

function isNetworkError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('UND_ERR'))) return true;
    if (e instanceof TypeError && /terminated|fetch failed|network|socket/i.test(e.message)) return true;
  }
  return false;
}

const FORMAT_WORDS = /response_format|json_schema|json_object|structured output|response format|grammar/i;

function classify(err: unknown): Failure {
  if (err instanceof APIConnectionError) {
    return { kind: 'transient', reason: err instanceof APIConnectionTimeoutError ? 'timeout' : 'connection', retryAfterMs: null };
  }
  if (err instanceof APIError && typeof err.status === 'number') {
    const status = err.status;
    const serverMessage = err.message.replace(/^\d{3}\s*/, '');
    if (status === 401 || status === 403) return { kind: 'auth', status };
    if ((status === 400 || status === 422) && (err.param === 'response_format' || FORMAT_WORDS.test(serverMessage))) return { kind: 'format' };
    if (status === 429) {
      if (err.code === 'insufficient_quota') return { kind: 'rejected', status, serverMessage };
      return { kind: 'rate', status, retryAfterMs: parseRetryAfter(err.headers), serverMessage };
    }
    if (status >= 500 || status === 408 || status === 409) {
      return { kind: 'transient', reason: 'server_error', status, retryAfterMs: status === 503 ? parseRetryAfter(err.headers) : null };
    }
    return { kind: 'rejected', status, serverMessage };
  }
  if (err instanceof SyntaxError) return { kind: 'bad_response', message: 'The AI server answered with something that is not a chat completion.' };
  if (isNetworkError(err)) return { kind: 'transient', reason: 'connection', retryAfterMs: null };
  if (err instanceof OpenAIError) return { kind: 'bad_response', message: 'The AI server answered in a way the client could not read.' };
  throw err;
}

const NEXT_MODE: Record<ResponseMode, ResponseMode | null> = { json_schema: 'json_object', json_object: 'text', text: null };

/** Strips one surrounding Markdown code fence, which local models in text mode like to add. */
function unfence(text: string): string {
  const m = /^```[a-zA-Z]*\s*\n?([\s\S]*?)\n?```$/.exec(text.trim());
  return m ? m[1]!.trim() : text.trim();
}

function schemaInstructions(spec: JsonSchemaSpec): string {
  return [
    '',
    'Answer with exactly one JSON object and nothing else (no prose, no Markdown).',
    `It must follow this JSON Schema ("${spec.name}"):`,
    JSON.stringify(spec.schema),
  ].join('\n');
}

export function createAiClient(settings: AiSettings, secrets: SecretStore | null, options: AiClientOptions = {}): AiClient {
  if (!isAiConfigured(settings)) {
    throw new AppError('AI_NOT_CONFIGURED', 'AI extraction is not set up: enter the server address (base URL) and the model name in Settings.', {
      missing: [!settings.baseUrl?.trim() && 'baseUrl', !settings.model?.trim() && 'model'].filter(Boolean),
    });
  }
  const baseUrl = normalizeBaseUrl(settings.baseUrl!);
  // For messages: without a query string, which some proxies use for keys.
  const shownUrl = (() => {
    const u = new URL(baseUrl);
    return `${u.origin}${u.pathname}`.replace(/\/+$/, '');
  })();
  const model = settings.model!.trim();
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = settings.timeoutMs && settings.timeoutMs > 0 ? settings.timeoutMs : DEFAULT_TIMEOUT_MS;
  const log: AiLogger = options.log ?? (() => {});
  let mode: ResponseMode = options.responseMode ?? 'json_schema';
  let sdk: { key: string; client: OpenAI } | null = null;
  const gate: UsageGate | null = options.usage
    ? { store: options.usage.store, allowed: settings.monthlyAllowance ?? null, ...(options.usage.now && { now: options.usage.now }) }
    : null;

  const readKey = (): string | null => {
    if (!settings.apiKeySecretName || !secrets) return null;
    try {
      const key = secrets.get(settings.apiKeySecretName);
      return key && key.trim() ? key.trim() : null;
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('SECRETS_UNAVAILABLE', 'The stored API key could not be read.');
    }
  };

  const sdkFor = (key: string | null): OpenAI => {
    const effective = key ?? NO_KEY_PLACEHOLDER;
    if (sdk?.key !== effective) {
      sdk = {
        key: effective,
        client: new OpenAI({
          baseURL: baseUrl,
          apiKey: effective,
          // Explicit so that OPENAI_* environment variables cannot redirect or tag our requests.
          organization: null,
          project: null,
          adminAPIKey: null,
          webhookSecret: null,
          timeout: timeoutMs,
          maxRetries: 0,
          logLevel: 'off',
          ...(options.fetch && { fetch: options.fetch }),
        }),
      };
    }
    return sdk.client;
  };

  const body = (request: JsonCompletionRequest, current: ResponseMode): ChatCompletionCreateParamsNonStreaming => {
    const system = current === 'json_schema' ? request.system : request.system + '\n' + schemaInstructions(request.schema);
    return {
      model,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: request.user },
      ],
      ...(current === 'json_schema' && {
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: request.schema.name,
            ...(request.schema.description && { description: request.schema.description }),
            schema: request.schema.schema,
            strict: true,
          },
        },
      }),
      ...(current === 'json_object' && { response_format: { type: 'json_object' } }),
      ...(request.temperature !== undefined && { temperature: request.temperature }),
      ...(request.maxTokens !== undefined && { max_completion_tokens: request.maxTokens }),
    };
  };

  const cancelled = () => new AppError('AI_CANCELLED', 'The AI request was cancelled.');

  async function completeJson(request: JsonCompletionRequest, callOptions: CallOptions = {}): Promise<JsonCompletionResult> {
    const { signal } = callOptions;
    if (signal?.aborted) throw cancelled();
    const key = readKey();
    const client = sdkFor(key);
    if (gate) takeOne(gate);

    const started = Date.now();
    const deadline = started + policy.deadlineMs;
    let attempts = 0;
    let requests = 0;
    let last: Failure | null = null;

    const unavailable = (why: string, failure: Failure | null, extra: Record<string, unknown> = {}) => {
      const reason = failure && failure.kind === 'transient' ? failure.reason : failure?.kind === 'rate' ? 'rate_limited' : 'deadline';
      const status = failure && 'status' in failure ? failure.status : undefined;
      const what =
        reason === 'timeout'
          ? `did not answer within ${Math.round(Math.min(timeoutMs, policy.deadlineMs) / 1000)} s`
          : reason === 'connection'
            ? 'could not be reached'
            : reason === 'rate_limited'
              ? 'is limiting the rate of requests'
              : reason === 'server_error'
                ? `had an internal error (HTTP ${status})`
                : 'did not answer in time';
      return new AppError('AI_UNAVAILABLE', `The AI service at ${shownUrl} ${what}${why}. Try again later.`, {
        reason,
        ...(status !== undefined && { status }),
        requests,
        elapsedMs: Date.now() - started,
        ...extra,
      });
    };

    while (true) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw unavailable(' before the deadline', last);
      const current = mode;
      attempts += 1;
      requests += 1;
      try {
        const response = await client.chat.completions.create(body(request, current), {
          signal,
          timeout: Math.max(1, Math.min(timeoutMs, remaining)),
          maxRetries: 0,
        });
        return readAnswer(response, current, requests);
      } catch (err) {
        if (err instanceof AppError) throw err;
        if (signal?.aborted || err instanceof APIUserAbortError) throw cancelled();
        const failure = classify(err);
        switch (failure.kind) {
          case 'format': {
            const next = NEXT_MODE[current];
            if (!next) throw rejected(400, 'The AI server refused the request format.', key);
            // Another request, but not a retry of a failure: it does not use up an attempt.
            if (mode === current) mode = next;
            attempts -= 1;
            log('ai: the server does not take this response_format, falling back', { from: current, to: next });
            continue;
          }
          case 'auth':
            throw new AppError(
              'AI_AUTH_FAILED',
              failure.status === 401
                ? `The AI service at ${shownUrl} rejected the API key (HTTP 401). Check the key in Settings${key ? '' : ': none is stored'}.`
                : `The AI service at ${shownUrl} refused access (HTTP 403). Check that the API key may use the model "${model}".`,
              { status: failure.status, keyPresent: key !== null }
            );
          case 'rejected':
            throw rejected(failure.status, failure.serverMessage, key);
          case 'bad_response':
            throw new AppError('AI_BAD_RESPONSE', failure.message, { requests });
          case 'rate':
          case 'transient': {
            last = failure;
            if (attempts >= policy.maxAttempts) throw unavailable(` (${attempts} attempts)`, failure);
            const wait = failure.retryAfterMs ?? backoffDelay(attempts, policy);
            if (failure.retryAfterMs !== null && failure.retryAfterMs > policy.maxRetryAfterMs) {
              const retryAt = new Date(Date.now() + failure.retryAfterMs).toISOString();
              throw unavailable(`; it asks to wait until ${retryAt}`, failure, { retryAt });
            }
            if (Date.now() + wait >= deadline) {
              const extra = failure.retryAfterMs !== null ? { retryAt: new Date(Date.now() + wait).toISOString() } : {};
              throw unavailable(' before the deadline', failure, extra);
            }
            log('ai: retrying', { attempt: attempts, waitMs: wait, reason: failure.kind === 'rate' ? 'rate_limited' : failure.reason, status: 'status' in failure ? failure.status : undefined });
            try {
              await sleep(wait, signal);
            } catch {
              throw cancelled();
            }
            continue;
          }
        }
      }
    }

    function rejected(status: number, serverMessage: string, keyUsed: string | null): AppError {
      const hint =
        status === 404
          ? ` Check the model name ("${model}") and the base URL (it usually ends in /v1).`
          : status === 429
            ? ' The account has no quota or credit left.'
            : status === 413
              ? ' The request is too large (try without sending the image).'
              : '';
      return new AppError('AI_REQUEST_REJECTED', `The AI service refused the request (HTTP ${status}): ${scrubSecrets(serverMessage, keyUsed)}.${hint}`, {
        status,
        requests,
      });
    }
  }

  function readAnswer(response: OpenAI.Chat.Completions.ChatCompletion, current: ResponseMode, requests: number): JsonCompletionResult {
    const choice = response?.choices?.[0];
    const message = choice?.message;
    const bad = (text: string, extra: Record<string, unknown> = {}) =>
      new AppError('AI_BAD_RESPONSE', text, { requests, responseMode: current, ...extra });
    if (!message) throw bad('The AI service answered without a message.');
    if (message.refusal) throw bad('The model declined to read this document.', { refusal: message.refusal.slice(0, 200) });
    if (choice.finish_reason === 'length') throw bad('The model stopped before finishing its answer (output limit reached).');
    const content = typeof message.content === 'string' ? message.content : '';
    if (!content.trim()) throw bad('The model gave an empty answer.');
    let value: unknown;
    try {
      value = JSON.parse(unfence(content));
    } catch {
      throw bad('The model did not answer with valid JSON.', { excerpt: content.slice(0, 120) });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw bad('The model answered with JSON that is not an object.', { excerpt: content.slice(0, 120) });
    }
    const usage = response.usage;
    return {
      value,
      mode: current,
      requests,
      model: response.model || model,
      tokens: usage ? { prompt: usage.prompt_tokens ?? 0, completion: usage.completion_tokens ?? 0 } : null,
    };
  }

  return {
    baseUrl,
    model,
    settings: Object.freeze({ ...settings }),
    get responseMode() {
      return mode;
    },
    completeJson,
    usage: () => (gate ? usageStatus(gate.store, gate.allowed, (gate.now ?? (() => new Date()))()) : null),
  };
}
