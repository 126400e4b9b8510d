import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { errorBody, reply, startOpenAiCompatible, type OpenAiCompatibleServer } from '../../../../test/servers/openai-compatible';
import type { SecretStore } from '../index';
import { createAiClient, scrubSecrets, type AiClientOptions, type JsonCompletionRequest } from './client';
import type { AiSettings } from './types';
import { memoryUsageStore } from './usage';
import { caught } from '../../../../test/helpers/errors';

const KEY = 'sk-test-0123456789abcdef';
const WRONG_KEY = 'sk-wrong-fedcba9876543210';

function secrets(values: Record<string, string> = { 'ai.key': KEY }): SecretStore {
  const map = new Map(Object.entries(values));
  return { get: (n) => map.get(n) ?? null, set: (n, v) => void map.set(n, v), delete: (n) => void map.delete(n) };
}

// Fast retries for tests: the policy is the same, only the numbers are small.
const FAST: AiClientOptions['retry'] = { baseDelayMs: 20, maxDelayMs: 80, deadlineMs: 5_000, maxRetryAfterMs: 3_000 };

const request: JsonCompletionRequest = {
  system: 'Say hello as JSON.',
  user: 'hello',
  schema: { name: 'greeting', schema: { type: 'object', additionalProperties: false, required: ['greeting'], properties: { greeting: { type: 'string' } } } },
};

let server: OpenAiCompatibleServer;
let settings: AiSettings;
let logs: string[];
const log = (message: string, details?: Record<string, unknown>) => logs.push(`${message} ${JSON.stringify(details ?? {})}`);

beforeAll(async () => {
  server = await startOpenAiCompatible({ apiKey: KEY, models: ['fake-model', 'other-model'] });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  logs = [];
  settings = { baseUrl: server.baseUrl, model: 'fake-model', apiKeySecretName: 'ai.key', timeoutMs: 2_000 };
});

describe('AI client', () => {
  it('sends one structured-output request with the key and returns the parsed JSON', async () => {
    server.script(reply.json({ greeting: 'hi' }));
    const client = createAiClient(settings, secrets(), { retry: FAST, log });
    const result = await client.completeJson(request);
    expect(result).toMatchObject({ value: { greeting: 'hi' }, mode: 'json_schema', requests: 1, model: 'fake-model' });
    const [sent] = server.chatRequests();
    expect(sent!.bearer).toBe(KEY);
    expect(sent!.responseFormat).toBe('json_schema');
    expect(sent!.body!.response_format!.json_schema).toMatchObject({ name: 'greeting', strict: true, schema: request.schema.schema });
    expect(sent!.body).not.toHaveProperty('temperature');
  });

  it('refuses to build without a base URL or a model: AI_NOT_CONFIGURED', () => {
    for (const s of [
      { ...settings, baseUrl: null },
      { ...settings, baseUrl: '  ' },
      { ...settings, model: null },
      { ...settings, baseUrl: 'ftp://example.com' },
    ]) {
      expect(() => createAiClient(s, secrets())).toThrow(expect.objectContaining({ code: 'AI_NOT_CONFIGURED' }));
    }
    expect(server.requests).toHaveLength(0);
  });

  it('works without a key (local servers) by sending a placeholder', async () => {
    const open = await startOpenAiCompatible();
    try {
      open.script(reply.json({ greeting: 'hi' }));
      const client = createAiClient({ ...settings, baseUrl: open.baseUrl, apiKeySecretName: null }, null, { retry: FAST });
      await expect(client.completeJson(request)).resolves.toMatchObject({ value: { greeting: 'hi' } });
      expect(open.requests[0]!.bearer).toBe('no-key');
    } finally {
      await open.close();
    }
  });

  it('retries a 500 and succeeds on the second request', async () => {
    server.script(reply.status(500), reply.json({ greeting: 'hi' }));
    const client = createAiClient(settings, secrets(), { retry: FAST, log });
    const result = await client.completeJson(request);
    expect(result.requests).toBe(2);
    expect(server.chatRequests()).toHaveLength(2);
    expect(logs.join('\n')).toMatch(/retrying.*server_error/);
  });

  it('waits for Retry-After on a 429, then succeeds', async () => {
    server.script(reply.rateLimited(1), reply.json({ greeting: 'hi' }));
    const client = createAiClient(settings, secrets(), { retry: FAST });
    const started = Date.now();
    await expect(client.completeJson(request)).resolves.toMatchObject({ requests: 2 });
    const [first, second] = server.chatRequests();
    const gap = second!.receivedAt - first!.receivedAt;
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(gap).toBeLessThan(2_000);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('does not wait for a Retry-After longer than the cap: AI_UNAVAILABLE with the retry time', async () => {
    server.script(reply.rateLimited(3600));
    const client = createAiClient(settings, secrets(), { retry: FAST });
    const error = await caught(client.completeJson(request));
    expect(error.code).toBe('AI_UNAVAILABLE');
    expect(error.details).toMatchObject({ reason: 'rate_limited', status: 429, requests: 1 });
    expect((error.details as { retryAt: string }).retryAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('gives up with AI_UNAVAILABLE after the attempts are used up', async () => {
    server.script(reply.status(503), reply.status(502), reply.status(500), reply.json({ greeting: 'too late' }));
    const client = createAiClient(settings, secrets(), { retry: { ...FAST, maxAttempts: 3 } });
    const error = await caught(client.completeJson(request));
    expect(error.code).toBe('AI_UNAVAILABLE');
    expect(error.details).toMatchObject({ reason: 'server_error', status: 500, requests: 3 });
    expect(server.pending()).toBe(1);
  });

  it('times out a silent server and fails with AI_UNAVAILABLE within the deadline', async () => {
    server.setDefault(reply.delay(10_000, reply.json({ greeting: 'late' })));
    try {
      const client = createAiClient({ ...settings, timeoutMs: 300 }, secrets(), { retry: { ...FAST, deadlineMs: 800, maxAttempts: 5 } });
      const started = Date.now();
      const error = await caught(client.completeJson(request));
      const elapsed = Date.now() - started;
      expect(error.code).toBe('AI_UNAVAILABLE');
      expect(error.details).toMatchObject({ reason: 'timeout' });
      expect(elapsed).toBeLessThan(800 + 600);
      expect(server.chatRequests().length).toBeGreaterThanOrEqual(2);
    } finally {
      server.setDefault(reply.status(500));
    }
  });

  it('retries a connection dropped mid-response and one dropped before the headers', async () => {
    server.script(reply.drop('mid-body'), reply.drop('before-headers'), reply.json({ greeting: 'hi' }));
    const client = createAiClient(settings, secrets(), { retry: FAST, log });
    await expect(client.completeJson(request)).resolves.toMatchObject({ value: { greeting: 'hi' }, requests: 3 });
    expect(logs.filter((l) => /retrying.*connection/.test(l))).toHaveLength(2);
  });

  it('retries an unreachable server, then AI_UNAVAILABLE', async () => {
    const gone = await startOpenAiCompatible();
    const url = gone.baseUrl;
    await gone.close();
    const client = createAiClient({ ...settings, baseUrl: url }, secrets(), { retry: FAST, log });
    const error = await caught(client.completeJson(request));
    expect(error.code).toBe('AI_UNAVAILABLE');
    expect(error.message).toContain('could not be reached');
    expect(error.details).toMatchObject({ reason: 'connection', requests: 3 });
  });

  it('does not retry a 401 and says to check the key, without the key', async () => {
    const client = createAiClient(settings, secrets({ 'ai.key': WRONG_KEY }), { retry: FAST, log });
    const error = await caught(client.completeJson(request));
    expect(error.code).toBe('AI_AUTH_FAILED');
    expect(error.message).toMatch(/check the key/i);
    expect(server.chatRequests()).toHaveLength(1);
    // The fake server echoes the wrong key in its error text; none of it may come through.
    const everything = JSON.stringify([error.message, error.details, logs]);
    expect(everything).not.toContain(WRONG_KEY);
    expect(everything).not.toContain(KEY);
  });

  it('scrubs the key from a server error it passes on (400, not retried)', async () => {
    server.script(reply.status(400, errorBody(`Bad request from key ${KEY}: messages too long`, 'messages')));
    const client = createAiClient(settings, secrets(), { retry: FAST, log });
    const error = await caught(client.completeJson(request));
    expect(error.code).toBe('AI_REQUEST_REJECTED');
    expect(error.message).toContain('messages too long');
    expect(JSON.stringify([error.message, error.details, logs])).not.toContain(KEY);
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('explains a 404 for an unknown model', async () => {
    const client = createAiClient({ ...settings, model: 'no-such-model' }, secrets(), { retry: FAST });
    const error = await caught(client.completeJson(request));
    expect(error.code).toBe('AI_REQUEST_REJECTED');
    expect(error.message).toMatch(/model name \("no-such-model"\)/);
    expect(server.chatRequests()).toHaveLength(1);
  });

  it('falls back to json_object when the server refuses json_schema, and remembers it', async () => {
    const limited = await startOpenAiCompatible({ responseFormats: ['json_object', 'text'] });
    try {
      limited.script(reply.json({ greeting: 'hi' }), reply.json({ greeting: 'again' }));
      const client = createAiClient({ ...settings, baseUrl: limited.baseUrl }, secrets(), { retry: { ...FAST, maxAttempts: 1 }, log });
      await expect(client.completeJson(request)).resolves.toMatchObject({ value: { greeting: 'hi' }, mode: 'json_object', requests: 2 });
      expect(client.responseMode).toBe('json_object');
      await expect(client.completeJson(request)).resolves.toMatchObject({ value: { greeting: 'again' }, mode: 'json_object', requests: 1 });
      const sent = limited.chatRequests();
      expect(sent.map((r) => r.responseFormat)).toEqual(['json_schema', 'json_object', 'json_object']);
      // Without json_schema the schema travels in the prompt.
      expect(sent[1]!.text).toContain('"greeting"');
      expect(sent[1]!.text).toMatch(/JSON Schema/);
    } finally {
      await limited.close();
    }
  });

  it('steps down to plain text (and reads a fenced answer) when neither JSON mode is taken', async () => {
    const plain = await startOpenAiCompatible({ responseFormats: ['text'] });
    try {
      plain.script(reply.content('```json\n{"greeting":"hi"}\n```'));
      const client = createAiClient({ ...settings, baseUrl: plain.baseUrl }, secrets(), { retry: FAST });
      await expect(client.completeJson(request)).resolves.toMatchObject({ value: { greeting: 'hi' }, mode: 'text', requests: 3 });
      expect(plain.chatRequests().map((r) => r.responseFormat)).toEqual(['json_schema', 'json_object', null]);
    } finally {
      await plain.close();
    }
  });

  it('sends nothing once the monthly allowance is used up, and counts one call per logical request', async () => {
    const store = memoryUsageStore();
    const now = () => new Date(2026, 2, 10, 12);
    server.script(reply.status(500), reply.json({ greeting: 'hi' }));
    const client = createAiClient({ ...settings, monthlyAllowance: 1 }, secrets(), { retry: FAST, usage: { store, now } });
    await client.completeJson(request);
    expect(store.counts.get('2026-03')).toBe(1);
    expect(client.usage()).toMatchObject({ used: 1, allowed: 1, remaining: 0, resetAt: '2026-04-01' });

    server.reset();
    const error = await caught(client.completeJson(request));
    expect(error.code).toBe('AI_QUOTA_EXCEEDED');
    expect(error.message).toContain('2026-04-01');
    expect(server.requests).toHaveLength(0);
  });

  it('cancels a request in flight and a wait between attempts', async () => {
    const client = createAiClient(settings, secrets(), { retry: FAST });
    server.script(reply.delay(5_000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    expect((await caught(client.completeJson(request, { signal: controller.signal }))).code).toBe('AI_CANCELLED');
    expect(Date.now() - started).toBeLessThan(1_000);

    server.reset();
    server.script(reply.rateLimited(2));
    const second = new AbortController();
    setTimeout(() => second.abort(), 150);
    expect((await caught(client.completeJson(request, { signal: second.signal }))).code).toBe('AI_CANCELLED');
    expect(server.chatRequests()).toHaveLength(1);

    const already = new AbortController();
    already.abort();
    server.reset();
    expect((await caught(client.completeJson(request, { signal: already.signal }))).code).toBe('AI_CANCELLED');
    expect(server.requests).toHaveLength(0);
  });

  it('reads the key from the store on every call', async () => {
    const store = secrets({ 'ai.key': WRONG_KEY });
    const client = createAiClient(settings, store, { retry: FAST });
    expect((await caught(client.completeJson(request))).code).toBe('AI_AUTH_FAILED');
    store.set('ai.key', KEY);
    server.script(reply.json({ greeting: 'hi' }));
    await expect(client.completeJson(request)).resolves.toMatchObject({ value: { greeting: 'hi' } });
  });
});

describe('scrubSecrets', () => {
  it('removes the key and anything key-shaped', () => {
    expect(scrubSecrets(`bad key ${KEY} given`, KEY)).toBe('bad key *** given');
    expect(scrubSecrets('Authorization: Bearer abc.def-123')).toBe('Authorization: Bearer ***');
    expect(scrubSecrets('key sk-proj-ABCDEFGH1234 rejected')).toBe('key sk-*** rejected');
  });
});
