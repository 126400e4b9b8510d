import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { invokeSafely } from '../../electron/main/dispatch';
import { createServices, type Services } from '../../electron/main/services';
import { resolveInside, sendFile } from './static-files';
import { contentSecurityPolicy } from '../../shared/security';

/** The app's production policy, so CSP violations show up in the browser tests too. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const INVOKE_PATH = '/__shoebox/invoke';
export const EVENTS_PATH = '/__shoebox/events';
export const BRIDGE_PATH = '/__shoebox/bridge.js';
export const BRIDGE_FILE = fileURLToPath(new URL('./bridge.js', import.meta.url));

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface HarnessOptions {
  /** A ledger folder to use and keep; by default a temp folder that close() removes. */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  rendererDir?: string;
  /**
   * Adds the bridge to index.html as served (never on disk), for a plain browser with no
   * Playwright to inject it: `npm run harness`.
   */
  injectBridge?: boolean;
}

export interface Harness {
  /** http://127.0.0.1:PORT/ */
  url: string;
  services: Services;
  /** Pages currently subscribed to the events; the bridge subscribes as soon as a page loads. */
  openEventStreams(): number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

/**
 * Serves the built renderer and binds its `window.shoebox` to real services over loopback HTTP:
 * the browser end-to-end tests' stand-in for the Electron main process and its IPC adapter.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run \`npm run build\` first.`);
  }
  const ownDataDir = options.dataDir ? null : mkdtempSync(join(tmpdir(), 'shoebox-harness-'));
  const services = createServices({ dataDir: options.dataDir ?? ownDataDir! });
  const streams = new Set<ServerResponse>();
  const stopForwarding = services.events.onAny((name, payload) => {
    const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
    for (const res of streams) res.write(frame);
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://harness');
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-store');

    if (pathname.startsWith('/__shoebox/')) {
      const refusal = foreignRequest(req);
      if (pathname === INVOKE_PATH) {
        if (req.method !== 'POST') throw new HttpError(405, 'POST a JSON body {name, input}');
        const result = refusal
          ? { ok: false, error: { code: 'FORBIDDEN_SENDER', message: `Request refused: ${refusal}.` } }
          : await invoke(await readJson(req));
        return sendJson(res, 200, result);
      }
      if (refusal) throw new HttpError(403, refusal);
      if (pathname === EVENTS_PATH && req.method === 'GET') return openStream(res);
      if (pathname === BRIDGE_PATH && options.injectBridge && (await sendFile(res, BRIDGE_FILE, req.method === 'HEAD'))) return;
      throw new HttpError(404, 'Not found');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed');
    const file = resolveInside(rendererDir, pathname);
    if (file && options.injectBridge && file === join(rendererDir, 'index.html')) return sendIndexWithBridge(res, file);
    if (file && (await sendFile(res, file, req.method === 'HEAD'))) return;
    // A browser asks for a favicon, an Electron window never does: no 404 in the console for it.
    if (pathname === '/favicon.ico') return void res.writeHead(204).end();
    throw new HttpError(404, 'Not found');
  }

  async function invoke(request: unknown) {
    const { name, input } = typeof request === 'object' && request !== null ? (request as { name?: unknown; input?: unknown }) : {};
    return invokeSafely(services.handlers, name, input);
  }

  function openStream(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
    // A first frame makes the browser's EventSource report "open" at once.
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (err instanceof HttpError) return sendText(res, err.status, err.message);
      console.error('[harness]', err);
      sendText(res, 500, 'The test harness failed; see its log.');
    });
  });
  const release = () => {
    stopForwarding();
    services.close();
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  };
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', done);
  }).catch((err: unknown) => {
    release();
    throw err;
  });

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    services,
    openEventStreams: () => streams.size,
    close() {
      closing ??= (async () => {
        for (const res of streams) res.end();
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        release();
      })();
      return closing;
    },
  };
}

/**
 * Why a request to the bridge endpoints must be refused, or null: a harness left running on a fixed
 * port must not take orders from other sites open in the same browser, nor from DNS rebinding.
 */
function foreignRequest(req: IncomingMessage): string | null {
  const host = req.headers.host ?? '';
  if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return `the host ${host} is not this harness`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return `the page ${origin} is not the app`;
  return null;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request body is too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request body is not JSON');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function sendIndexWithBridge(res: ServerResponse, file: string): Promise<void> {
  // A classic script in <head> runs before the renderer's module scripts, as the preload does.
  const html = (await readFile(file, 'utf8')).replace('</head>', `<script src="${BRIDGE_PATH}"></script></head>`);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
  res.end(html);
}
