import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fake OpenAI-compatible server (the subset of the API Shoebox uses) for tests: a real HTTP
 * server on 127.0.0.1 with a random port, speaking the wire format the `openai` SDK expects.
 *
 *   POST /v1/chat/completions   answered from a script, one step per request
 *   GET  /v1/models             the configured models
 *
 * Every request is recorded (headers, parsed body, whether an image was attached, which
 * response_format was asked for) so tests can assert what the client sent.
 *
 *   const ai = await startOpenAiCompatible({ apiKey: 'sk-test' });
 *   ai.script(reply.status(500), reply.json(() => ({ total: '12.50' })));
 *   // ...point the client at ai.baseUrl...
 *   expect(ai.requests).toHaveLength(2);
 *   await ai.close();
 *
 * When the script is empty, `defaultReply` answers (a 500 saying "no scripted reply" unless set),
 * so a test that sends more requests than it planned fails loudly rather than hanging.
 *
 * Deliberately harsh: a wrong key gets a 401 whose message echoes the key that was sent (real
 * servers mask it, a misconfigured proxy might not), so tests can check the client never passes
 * a server's error text through without scrubbing.
 */

export type ResponseFormatType = 'json_schema' | 'json_object' | 'text';

export interface RecordedRequest {
  /** 0-based arrival order. */
  index: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Raw body text. */
  rawBody: string;
  /** Parsed JSON body, or undefined when it was not JSON. */
  body: ChatRequestBody | undefined;
  /** The bearer token that came with the request, or null. */
  bearer: string | null;
  /** response_format.type asked for, or null when none. */
  responseFormat: ResponseFormatType | null;
  /** Number of image content parts across all messages. */
  images: number;
  /** Text of all messages (string contents and text parts), joined with newlines. */
  text: string;
  receivedAt: number;
}

export interface ChatMessage {
  role: string;
  content: string | Array<{ type: string; text?: string; image_url?: { url: string; detail?: string } }> | null;
}

export interface ChatRequestBody {
  model?: string;
  messages?: ChatMessage[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  [key: string]: unknown;
}

/** One step of the script: what to do with one request. */
export type Reply =
  /** A completion whose message content is JSON.stringify(value). */
  | { kind: 'json'; value: (req: RecordedRequest) => unknown }
  /** A completion whose message content is this text (prose, broken JSON, anything). */
  | { kind: 'content'; content: (req: RecordedRequest) => string; finishReason?: string }
  /** Any status with an OpenAI-style error body (or the given body). */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Waits, then answers with `then` (if the client is still there). */
  | { kind: 'delay'; ms: number; then: Reply }
  /** Destroys the socket: before any byte of the response, or after the headers and part of the body. */
  | { kind: 'drop'; when: 'before-headers' | 'mid-body' };

export const reply = {
  json: (value: unknown | ((req: RecordedRequest) => unknown)): Reply => ({
    kind: 'json',
    value: typeof value === 'function' ? (value as (req: RecordedRequest) => unknown) : () => value,
  }),
  content: (content: string | ((req: RecordedRequest) => string), finishReason?: string): Reply => ({
    kind: 'content',
    content: typeof content === 'function' ? content : () => content,
    ...(finishReason !== undefined && { finishReason }),
  }),
  status: (status: number, body?: unknown, headers?: Record<string, string>): Reply => ({
    kind: 'status',
    status,
    ...(body !== undefined && { body }),
    ...(headers !== undefined && { headers }),
  }),
  /** 429 with a Retry-After header (seconds, or an HTTP date string). */
  rateLimited: (retryAfter: number | string): Reply => ({
    kind: 'status',
    status: 429,
    body: errorBody('Rate limit reached for requests', 'requests', 'rate_limit_exceeded'),
    headers: { 'retry-after': String(retryAfter) },
  }),
  /** The 400 a server gives when it does not take this response_format. */
  responseFormatUnsupported: (type: ResponseFormatType = 'json_schema'): Reply => ({
    kind: 'status',
    status: 400,
    body: unsupportedFormatBody(type),
  }),
  delay: (ms: number, then: Reply = reply.json({})): Reply => ({ kind: 'delay', ms, then }),
  drop: (when: 'before-headers' | 'mid-body' = 'mid-body'): Reply => ({ kind: 'drop', when }),
};

export interface OpenAiCompatibleOptions {
  /** When set, requests must carry `Authorization: Bearer <apiKey>`; others get a 401. */
  apiKey?: string;
  /** Models listed by GET /v1/models; when set, a chat request for another model gets a 404. */
  models?: string[];
  /** response_format types the server takes (all three by default); others get the 400 above. */
  responseFormats?: ResponseFormatType[];
  /** Answers requests when the script is empty. */
  defaultReply?: Reply;
}

export interface OpenAiCompatibleServer {
  /** e.g. "http://127.0.0.1:54321/v1", what the SDK takes as baseURL. */
  baseUrl: string;
  /** Every request received, in order (including rejected ones). */
  requests: RecordedRequest[];
  /** Chat completion requests only. */
  chatRequests(): RecordedRequest[];
  /** Appends steps to the script; each chat request consumes one. */
  script(...steps: Reply[]): void;
  /** Steps not consumed yet. */
  pending(): number;
  /** Replaces the answer used when the script is empty. */
  setDefault(step: Reply): void;
  /** Clears the script and the recorded requests. */
  reset(): void;
  /** Stops listening, destroys every open socket and cancels pending delays. */
  close(): Promise<void>;
}

export function errorBody(message: string, param: string | null = null, code: string | null = null, type = 'invalid_request_error') {
  return { error: { message, type, param, code } };
}

function unsupportedFormatBody(type: ResponseFormatType) {
  return errorBody(`response_format type '${type}' is not supported by this server`, 'response_format', 'unsupported_response_format');
}

function bearerOf(headers: IncomingHttpHeaders): string | null {
  const auth = headers.authorization;
  if (!auth) return null;
  const m = /^Bearer\s+(.+)$/i.exec(auth);
  return m ? m[1]!.trim() : null;
}

function describeMessages(body: ChatRequestBody | undefined): { images: number; text: string } {
  let images = 0;
  const texts: string[] = [];
  for (const message of body?.messages ?? []) {
    if (typeof message.content === 'string') texts.push(message.content);
    else if (Array.isArray(message.content)) {
      for (const part of message.content) {
        if (part.type === 'image_url') images += 1;
        else if (part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
      }
    }
  }
  return { images, text: texts.join('\n') };
}

export async function startOpenAiCompatible(options: OpenAiCompatibleOptions = {}): Promise<OpenAiCompatibleServer> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const formats = new Set<ResponseFormatType>(options.responseFormats ?? ['json_schema', 'json_object', 'text']);
  let fallback: Reply = options.defaultReply ?? reply.status(500, errorBody('The fake server has no scripted reply for this request', null, null, 'server_error'));
  let completionCounter = 0;

  const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed || res.writableEnded) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  const completion = (req: RecordedRequest, content: string, finishReason = 'stop') => {
    completionCounter += 1;
    return {
      id: `chatcmpl-fake-${completionCounter}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: req.body?.model ?? 'unknown',
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: finishReason, logprobs: null }],
      usage: { prompt_tokens: Math.ceil(req.rawBody.length / 4), completion_tokens: Math.ceil(content.length / 4), total_tokens: 0 },
    };
  };

  const perform = (step: Reply, req: RecordedRequest, res: ServerResponse) => {
    if (res.destroyed) return;
    switch (step.kind) {
      case 'json':
        sendJson(res, 200, completion(req, JSON.stringify(step.value(req))));
        return;
      case 'content':
        sendJson(res, 200, completion(req, step.content(req), step.finishReason));
        return;
      case 'status':
        sendJson(res, step.status, step.body ?? errorBody(`Fake status ${step.status}`, null, null, step.status >= 500 ? 'server_error' : 'invalid_request_error'), step.headers);
        return;
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          perform(step.then, req, res);
        }, step.ms);
        timers.add(timer);
        return;
      }
      case 'drop':
        if (step.when === 'before-headers') {
          res.socket?.destroy();
          return;
        }
        // Promise a long body, send a piece of it, then cut the connection.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
        res.write('{"id":"chatcmpl-fake-dropped","object":"chat.completion","choices":[{"index":0,');
        setImmediate(() => res.socket?.destroy());
        return;
    }
  };

  const handle = (incoming: IncomingMessage, res: ServerResponse, rawBody: string) => {
    const path = (incoming.url ?? '/').split('?')[0]!;
    let body: ChatRequestBody | undefined;
    try {
      body = rawBody ? (JSON.parse(rawBody) as ChatRequestBody) : undefined;
    } catch {
      body = undefined;
    }
    const { images, text } = describeMessages(body);
    const rf = body?.response_format?.type;
    const record: RecordedRequest = {
      index: requests.length,
      method: incoming.method ?? 'GET',
      path,
      headers: incoming.headers,
      rawBody,
      body,
      bearer: bearerOf(incoming.headers),
      responseFormat: rf === 'json_schema' || rf === 'json_object' || rf === 'text' ? rf : null,
      images,
      text,
      receivedAt: Date.now(),
    };
    requests.push(record);

    if (options.apiKey !== undefined && record.bearer !== options.apiKey) {
      sendJson(res, 401, errorBody(`Incorrect API key provided: ${record.bearer ?? '(none)'}`, null, 'invalid_api_key'));
      return;
    }

    if (record.method === 'GET' && path === '/v1/models') {
      sendJson(res, 200, {
        object: 'list',
        data: (options.models ?? ['fake-model']).map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })),
      });
      return;
    }

    if (record.method !== 'POST' || path !== '/v1/chat/completions') {
      sendJson(res, 404, errorBody(`Unknown route ${record.method} ${path}`, null, 'not_found'));
      return;
    }
    if (!body || typeof body.model !== 'string' || !Array.isArray(body.messages) || body.messages.length === 0) {
      sendJson(res, 400, errorBody('A chat completion needs a model and at least one message', 'messages'));
      return;
    }
    if (options.models && !options.models.includes(body.model)) {
      sendJson(res, 404, errorBody(`The model '${body.model}' does not exist`, 'model', 'model_not_found'));
      return;
    }
    if (record.responseFormat && !formats.has(record.responseFormat)) {
      sendJson(res, 400, unsupportedFormatBody(record.responseFormat));
      return;
    }
    perform(queue.shift() ?? fallback, record, res);
  };

  const server = createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => handle(incoming, res, Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', () => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path === '/v1/chat/completions'),
    script: (...steps) => {
      queue.push(...steps);
    },
    pending: () => queue.length,
    setDefault: (step) => {
      fallback = step;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      }),
  };
}
