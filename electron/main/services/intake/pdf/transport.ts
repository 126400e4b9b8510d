import { Worker } from 'node:worker_threads';
import { PdfEngine, runOp, toFailure, THREAD_MARK, type EngineOp, type FailureKind, type ThreadMessage } from './pdf-thread';

/**
 * How a document talks to its engine: over a worker thread (the default) or by direct calls.
 * Either way a call settles exactly once, and kill() settles every pending call at once.
 */

/**
 * Failures the transport adds to the engine's own. no-thread: the reader thread could not start (the caller may read inline instead); memory: the
 * thread hit its heap limit; crashed: it died; timeout: the document's time budget ran out;
 * killed: stopped on purpose (closed, idle, not reused).
 */
export type TransportFailureKind = FailureKind | 'no-thread' | 'memory' | 'crashed' | 'timeout' | 'killed';

export class TransportError extends Error {
  readonly kind: TransportFailureKind;
  constructor(kind: TransportFailureKind, message: string) {
    super(message);
    this.name = 'TransportError';
    this.kind = kind;
  }
}

export interface Transport {
  readonly mode: 'thread' | 'inline';
  call(op: EngineOp, args?: unknown, transfer?: ArrayBuffer[]): Promise<unknown>;
  /** Stops all work now; pending and later calls reject with `reason`. The engine is not reused. */
  kill(reason: TransportError): void;
  /** The document is done: the engine closes it and may serve another document. */
  release(): void;
  /** Why the transport can no longer be used, if it cannot. */
  readonly dead: TransportError | null;
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** Heap for one document's thread: far above any sane receipt, well below what hurts the app. */
const THREAD_HEAP_MB = 768;
/** Threads kept for the next document (pdf.js then loads once, not per document), and for how long. */
const MAX_IDLE_THREADS = 1;
const IDLE_MS = 20_000;

/** A worker thread running one PdfEngine, serving one document at a time. */
class PdfThread {
  readonly script: string;
  #worker: Worker | null;
  #pending = new Map<number, Pending>();
  #nextId = 1;
  #ready = false;
  #dead: TransportError | null = null;

  constructor(script: string) {
    this.script = script;
    threadsStarted++;
    try {
      this.#worker = new Worker(script, {
        workerData: { mark: THREAD_MARK },
        resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
        // No inherited loaders (under tsx every thread would re-transform pdf.js: seconds per document);
        // Node runs the .ts entry itself, and its notice that it strips types is noise here.
        execArgv: script.endsWith('.ts') ? ['--disable-warning=ExperimentalWarning'] : [],
      });
    } catch (err) {
      // A relative or malformed path is refused at once; a missing file fails asynchronously below.
      this.#worker = null;
      this.#dead = new TransportError('no-thread', `The PDF reader thread could not start: ${(err as Error).message}`);
      return;
    }
    this.#worker.unref();
    this.#worker.on('message', (message: ThreadMessage) => this.#onMessage(message));
    this.#worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') this.kill(new TransportError('memory', 'The PDF reader ran out of memory'));
      else if (!this.#ready) this.kill(new TransportError('no-thread', `The PDF reader thread could not start: ${err.message}`));
      else this.kill(new TransportError('crashed', `The PDF reader failed: ${err.message}`));
    });
    this.#worker.on('exit', (code) => {
      this.kill(new TransportError(this.#ready ? 'crashed' : 'no-thread', `The PDF reader stopped (exit code ${code})`));
    });
  }

  get dead(): TransportError | null {
    return this.#dead;
  }

  get busy(): boolean {
    return this.#pending.size > 0;
  }

  #onMessage(message: ThreadMessage): void {
    if ('ready' in message) {
      if (message.ready) this.#ready = true;
      else this.kill(new TransportError('no-thread', `The PDF reader thread cannot run here: ${message.reason}`));
      return;
    }
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    if (this.#pending.size === 0) this.#worker?.unref();
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new TransportError(message.failure.kind, message.failure.message));
  }

  call(op: EngineOp, args?: unknown, transfer: ArrayBuffer[] = []): Promise<unknown> {
    const worker = this.#worker;
    if (this.#dead || !worker) return Promise.reject(this.#dead);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      // Keep the process alive only while the thread has work to do.
      worker.ref();
      try {
        worker.postMessage({ id, op, args }, transfer);
      } catch (err) {
        this.#pending.delete(id);
        if (this.#pending.size === 0) worker.unref();
        reject(new TransportError('internal', `The PDF reader could not be sent the request: ${(err as Error).message}`));
      }
    });
  }

  kill(reason: TransportError): void {
    if (this.#dead) return;
    this.#dead = reason;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(reason);
    void this.#worker?.terminate().catch(() => undefined);
  }
}

const idle: Array<{ thread: PdfThread; timer: NodeJS.Timeout }> = [];
let threadsStarted = 0;

/** For tests and diagnostics: reader threads started so far, and kept idle now. */
export function pdfThreadStats(): { started: number; idle: number } {
  return { started: threadsStarted, idle: idle.length };
}

function takeIdle(script: string): PdfThread | null {
  while (idle.length > 0) {
    const { thread, timer } = idle.pop()!;
    clearTimeout(timer);
    if (!thread.dead && thread.script === script) return thread;
    thread.kill(new TransportError('killed', 'Not reused'));
  }
  return null;
}

function keepIdle(thread: PdfThread): void {
  if (thread.dead || thread.busy) return thread.kill(new TransportError('killed', 'Not reusable'));
  if (idle.length >= MAX_IDLE_THREADS) idle.shift()!.thread.kill(new TransportError('killed', 'Too many idle readers'));
  const timer = setTimeout(() => {
    const at = idle.findIndex((entry) => entry.thread === thread);
    if (at >= 0) idle.splice(at, 1);
    thread.kill(new TransportError('killed', 'Idle'));
  }, IDLE_MS);
  timer.unref();
  idle.push({ thread, timer });
}

/** Stops the PDF reader threads kept for reuse (at quit, or between test files). */
export function stopIdlePdfThreads(): void {
  for (const { thread, timer } of idle.splice(0)) {
    clearTimeout(timer);
    thread.kill(new TransportError('killed', 'Stopped'));
  }
}

/** One document's view of a thread: taken from the idle ones or started, given back when done. */
export class ThreadTransport implements Transport {
  readonly mode = 'thread' as const;
  #thread: PdfThread;
  #released = false;

  constructor(script: string) {
    this.#thread = takeIdle(script) ?? new PdfThread(script);
  }

  get dead(): TransportError | null {
    return this.#thread.dead;
  }

  call(op: EngineOp, args?: unknown, transfer?: ArrayBuffer[]): Promise<unknown> {
    return this.#thread.call(op, args, transfer);
  }

  kill(reason: TransportError): void {
    this.#released = true;
    this.#thread.kill(reason);
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    const thread = this.#thread;
    if (thread.dead || thread.busy) return thread.kill(new TransportError('killed', 'Released while busy'));
    thread.call('close').then(
      () => keepIdle(thread),
      () => thread.kill(new TransportError('killed', 'Could not close the document'))
    );
  }
}

/**
 * Runs the engine on the calling thread: no isolation, and a timeout can only abandon the work
 * (pdf.js is asked to stop), not interrupt it. Used where no thread entry is available.
 */
export class InlineTransport implements Transport {
  readonly mode = 'inline' as const;
  #engine = new PdfEngine();
  #pending = new Set<Pending>();
  #dead: TransportError | null = null;

  get dead(): TransportError | null {
    return this.#dead;
  }

  call(op: EngineOp, args?: unknown): Promise<unknown> {
    if (this.#dead) return Promise.reject(this.#dead);
    return new Promise((resolve, reject) => {
      const pending: Pending = { resolve, reject };
      this.#pending.add(pending);
      runOp(this.#engine, op, args).then(
        (result) => {
          if (this.#pending.delete(pending)) resolve(result);
        },
        (err: unknown) => {
          if (!this.#pending.delete(pending)) return;
          const failure = toFailure(err);
          reject(new TransportError(failure.kind, failure.message));
        }
      );
    });
  }

  kill(reason: TransportError): void {
    if (this.#dead) return;
    this.#dead = reason;
    const pending = [...this.#pending];
    this.#pending.clear();
    for (const p of pending) p.reject(reason);
    void this.#engine.close();
  }

  release(): void {
    this.kill(new TransportError('killed', 'Closed'));
  }
}
