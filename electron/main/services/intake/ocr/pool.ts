import { availableParallelism } from 'node:os';
import type { Worker as ThreadWorker } from 'node:worker_threads';
import sharp from 'sharp';
import Tesseract from 'tesseract.js';
import { AppError } from '../../../../../shared/errors';
import { ensureModels, parseOcrLanguages, type OcrLanguage } from './languages';
import { linesOf, meanConfidence } from './result';
import { chooseOrientation, needsOrientationCheck, orientationProbe, rotate, textDirection, wordsInside } from './orientation';
import type { BBox, OcrResult, Rotation } from './types';

/**
 * A pool of tesseract.js workers (each a worker thread running tesseract's wasm build).
 *
 * Why not tesseract.js's own createScheduler: it can neither remove a worker nor abandon a job, so
 * a job that hangs or is cancelled would hold its worker for good. This pool keeps the same model
 * (a FIFO queue, the first idle worker takes the next job) and adds what the app needs: workers are
 * started lazily (one at first, more only while jobs wait), reused, stopped after a while idle,
 * and a job that times out or is cancelled while running gets its worker terminated and replaced,
 * so no worker is ever left stuck.
 */

export type PageSegMode = 'auto' | 'single-column' | 'single-block';

const PSM: Record<PageSegMode, string> = { auto: '3', 'single-column': '4', 'single-block': '6' };

export interface OcrPoolOptions {
  /** Languages, in priority order, as a setting string ("eng+deu") or list. Default eng+deu. */
  languages?: string | readonly string[];
  /** Worker threads at most. Default: cores minus one (the UI needs one), at least 1, at most 4. */
  workers?: number;
  /** Folder the unpacked language models are kept in (default: the system temp folder). */
  modelDir?: string;
  /** Per recognition call. Default 60 s. */
  timeoutMs?: number;
  /** Worker start (wasm + models). Default 30 s. */
  startTimeoutMs?: number;
  /** Idle workers are stopped after this long to give their memory back; 0 keeps them. Default 2 min. */
  idleMs?: number;
  /** Tesseract page segmentation. Default 'single-block', which reads receipts line by line. */
  pageSegMode?: PageSegMode;
  /** Further tesseract parameters (name → value), for tuning. */
  parameters?: Record<string, string>;
}

export interface RecognizeOptions {
  signal?: AbortSignal;
  /** Overrides the pool's per-call timeout. */
  timeoutMs?: number;
  /**
   * 'detect' (default): when the upright reading is poor, probe the four quarter turns and keep the
   * best. A number forces that clockwise rotation.
   */
  orientation?: 'detect' | Rotation;
}

/** Workers this machine should get by default. */
export function defaultWorkerCount(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}

function ocrError(message: string, reason: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('OCR_FAILED', message, { reason, ...details });
}

interface Slot {
  id: number;
  worker: Tesseract.Worker | null;
  ready: Promise<Tesseract.Worker>;
  busy: boolean;
  dead: boolean;
  idleTimer: NodeJS.Timeout | null;
  /** Set while a job runs: fails it when the worker thread dies underneath. */
  onDeath: ((err: AppError) => void) | null;
}

interface Job {
  image: Buffer;
  /** Tesseract parameters for this call only (tesseract.js restores them afterwards). */
  parameters?: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  resolve: (page: Tesseract.Page) => void;
  reject: (err: unknown) => void;
  onAbort?: () => void;
}

export class OcrPool {
  readonly languages: OcrLanguage[];
  readonly maxWorkers: number;
  private readonly options: Required<Omit<OcrPoolOptions, 'languages' | 'workers' | 'modelDir' | 'parameters'>> & {
    modelDir?: string;
    parameters: Record<string, string>;
  };
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextSlotId = 1;
  private closed = false;
  private modelDir: Promise<string> | null = null;

  constructor(options: OcrPoolOptions = {}) {
    this.languages = parseOcrLanguages(options.languages);
    this.maxWorkers = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
    this.options = {
      timeoutMs: options.timeoutMs ?? 60_000,
      startTimeoutMs: options.startTimeoutMs ?? 30_000,
      idleMs: options.idleMs ?? 120_000,
      pageSegMode: options.pageSegMode ?? 'single-block',
      parameters: options.parameters ?? {},
      ...(options.modelDir !== undefined && { modelDir: options.modelDir }),
    };
  }

  /** Workers currently started or starting. */
  get workerCount(): number {
    return this.slots.length;
  }

  /**
   * Recognises one page image (PNG/JPEG bytes). With orientation 'detect', a poor upright reading
   * triggers a probe of the quarter turns on a small central crop; the page is then read turned.
   * Throws AppError OCR_FAILED (details.reason: 'engine' | 'timeout' | 'cancelled' | 'closed').
   */
  async recognize(image: Buffer, options: RecognizeOptions = {}): Promise<OcrResult> {
    const started = performance.now();
    const orientation = options.orientation ?? 'detect';
    if (orientation !== 'detect') {
      const input = await rotate(image, orientation);
      return this.readPage(input, await sizeOf(input), orientation, options, started);
    }
    const size = await sizeOf(image);
    const direction = await textDirection(image, size.width, size.height);
    let probe: Awaited<ReturnType<typeof orientationProbe>> | null = null;

    // Text running up or down the page: decide between the two quarter turns on the probe only.
    if (direction === 'vertical') {
      probe = await orientationProbe(image, size.width, size.height);
      const best = chooseOrientation(await this.readProbe(probe.png, [90, 270], options));
      if (best !== 0) {
        const input = await rotate(image, best);
        const turned = await this.readPage(input, await sizeOf(input), best, options, started);
        if (!needsOrientationCheck(turned)) return this.done(turned, started);
      }
    }

    let result = await this.readPage(image, size, 0, options, started);
    if (needsOrientationCheck(result)) {
      // A poor upright reading: upside down, or sideways where the direction check was unsure.
      probe ??= await orientationProbe(image, size.width, size.height);
      const turns: Rotation[] = direction === 'horizontal' ? [180] : [90, 180, 270];
      const readings = await this.readProbe(probe.png, turns, options);
      // The upright reading inside the probe stands for turn 0.
      const best = chooseOrientation([{ rotation: 0, words: wordsInside(result.words, probe.box) }, ...readings]);
      if (best !== 0) {
        const input = await rotate(image, best);
        const turned = await this.readPage(input, await sizeOf(input), best, options, started);
        if (turned.confidence >= result.confidence || turned.words.length > result.words.length) result = turned;
      }
    }
    return this.done(result, started);
  }

  /**
   * Reads single text lines again, each cut from the page image (boxes in its pixels) with some
   * room around it, in tesseract's single-line mode. A line read on its own is often read better
   * than inside the block (digits especially); callers weigh both readings. Returns, per box,
   * the text and mean word confidence (0..1).
   */
  async readLines(
    page: Buffer,
    boxes: readonly BBox[],
    options: Omit<RecognizeOptions, 'orientation'> & { rotation?: Rotation } = {}
  ): Promise<Array<{ text: string; confidence: number }>> {
    if (boxes.length === 0) return [];
    // Boxes of a turned reading are in the turned image.
    const image = await rotate(page, options.rotation ?? 0);
    const meta = await sizeOf(image);
    return Promise.all(
      boxes.map(async (b) => {
        const pad = Math.max(4, Math.round((b.y1 - b.y0) * 0.3));
        const left = Math.max(0, b.x0 - pad);
        const top = Math.max(0, b.y0 - pad);
        const width = Math.min(meta.width - left, b.x1 - b.x0 + 2 * pad);
        const height = Math.min(meta.height - top, b.y1 - b.y0 + 2 * pad);
        if (width < 4 || height < 4) return { text: '', confidence: 0 };
        const crop = await sharp(image).extract({ left, top, width, height }).png({ compressionLevel: 0 }).toBuffer();
        // Single-line mode, and Sauvola's local threshold instead of the page's global Otsu: a
        // second opinion whose mistakes differ from the first reading's.
        const page = await this.run(crop, options, { tessedit_pageseg_mode: '7', thresholding_method: '2' });
        const words = linesOf(page).flatMap((l) => l.words);
        return { text: words.map((w) => w.text).join(' '), confidence: meanConfidence(words) };
      })
    );
  }

  private async readProbe(png: Buffer, turns: Rotation[], options: RecognizeOptions) {
    return Promise.all(
      turns.map(async (turn) => ({ rotation: turn, words: linesOf(await this.run(await rotate(png, turn), options)).flatMap((l) => l.words) }))
    );
  }

  private done(result: OcrResult, started: number): OcrResult {
    result.ms = performance.now() - started;
    return result;
  }

  /** One page, read whole. */
  private async readPage(image: Buffer, size: { width: number; height: number }, rotation: Rotation, options: RecognizeOptions, started: number): Promise<OcrResult> {
    return this.toResult(await this.run(image, options), size, rotation, started);
  }

  private toResult(page: Tesseract.Page, size: { width: number; height: number }, rotation: Rotation, started: number): OcrResult {
    const lines = linesOf(page);
    const words = lines.flatMap((l) => l.words);
    return {
      text: page.text,
      lines,
      words,
      confidence: meanConfidence(words),
      rotation,
      width: size.width,
      height: size.height,
      languages: [...this.languages],
      ms: performance.now() - started,
    };
  }

  /** Stops every worker. Queued and running jobs fail with reason 'closed'. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      this.detach(job);
      job.reject(ocrError('OCR stopped: Shoebox is shutting the OCR engine down', 'closed'));
    }
    await Promise.all([...this.slots].map((slot) => this.kill(slot, ocrError('OCR stopped: Shoebox is shutting the OCR engine down', 'closed'))));
  }

  /** One recognition on the next free worker. */
  private run(image: Buffer, options: RecognizeOptions, parameters?: Record<string, string>): Promise<Tesseract.Page> {
    if (this.closed) return Promise.reject(ocrError('The OCR engine has been shut down', 'closed'));
    if (options.signal?.aborted) return Promise.reject(ocrError('OCR was cancelled', 'cancelled'));
    return new Promise<Tesseract.Page>((resolve, reject) => {
      const job: Job = { image, timeoutMs: options.timeoutMs ?? this.options.timeoutMs, resolve, reject, ...(parameters && { parameters }) };
      if (options.signal) {
        job.signal = options.signal;
        // While queued, cancelling just removes the job; once running, runJob takes over.
        job.onAbort = () => {
          const at = this.queue.indexOf(job);
          if (at >= 0) {
            this.queue.splice(at, 1);
            this.detach(job);
            reject(ocrError('OCR was cancelled', 'cancelled'));
          }
        };
        options.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  private detach(job: Job): void {
    if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.slots.find((s) => !s.busy && !s.dead);
      if (idle) {
        this.runJob(idle, this.queue.shift()!);
        continue;
      }
      // Start another worker only when every existing one is busy (starting ones count as busy).
      if (this.slots.length < this.maxWorkers && this.slots.every((s) => s.busy)) {
        const slot = this.spawn();
        this.runJob(slot, this.queue.shift()!);
        continue;
      }
      return;
    }
  }

  private spawn(): Slot {
    const slot: Slot = { id: this.nextSlotId++, worker: null, ready: null as never, busy: false, dead: false, idleTimer: null, onDeath: null };
    slot.ready = this.start(slot);
    // A failed start is reported to the job waiting on it; nothing else listens.
    slot.ready.catch(() => {});
    this.slots.push(slot);
    return slot;
  }

  private async start(slot: Slot): Promise<Tesseract.Worker> {
    this.modelDir ??= ensureModels(this.languages, this.options.modelDir);
    const langPath = await this.modelDir;
    let failStart: (err: AppError) => void = () => {};
    const failed = new Promise<never>((_, reject) => {
      failStart = reject;
    });
    failed.catch(() => {});
    const timer = setTimeout(
      () => failStart(ocrError('The OCR engine did not start in time', 'timeout')),
      this.options.startTimeoutMs
    );
    let creating: Promise<Tesseract.Worker> | null = null;
    try {
      creating = Tesseract.createWorker(this.languages, Tesseract.OEM.LSTM_ONLY, {
        langPath,
        cachePath: langPath,
        // Models are read from the unpacked folder and never written or fetched.
        cacheMethod: 'readOnly',
        gzip: false,
        logger: () => {},
        // tesseract.js throws from its message handler unless an error handler is given.
        errorHandler: (data: unknown) => {
          const err = ocrError('The OCR engine reported an error', 'engine', { engine: String(data) });
          if (!slot.worker) failStart(err);
        },
      });
      const worker = await Promise.race([creating, failed]);
      slot.worker = worker;
      const thread = (worker as unknown as { worker?: ThreadWorker }).worker;
      // A crash of the thread (wasm abort, out of memory) fails the running job and retires the slot.
      thread?.on('error', (err) => void this.kill(slot, ocrError('The OCR engine crashed', 'engine', { cause: err.message })));
      thread?.on('exit', () => void this.kill(slot, ocrError('The OCR engine stopped unexpectedly', 'engine')));
      await worker.setParameters({
        tessedit_pageseg_mode: PSM[this.options.pageSegMode] as Tesseract.PSM,
        // Photos and scans come without a usable resolution; tesseract otherwise guesses 70 dpi.
        user_defined_dpi: '300',
        preserve_interword_spaces: '1',
        // Documents are dark print on light paper: skipping the inverted-text retry of each doubtful
        // line saves some 13 % of the time on scanned receipts at no measurable loss.
        tessedit_do_invert: '0',
        // Tesseract's diagnostics ("Image too small to scale!!") go nowhere instead of to stdout.
        debug_file: '/dev/null',
        ...this.options.parameters,
      });
      if (slot.dead) {
        // Retired while starting (closed, timed out): nobody else will terminate this thread.
        await worker.terminate().catch(() => {});
        throw ocrError('The OCR engine has been shut down', 'closed');
      }
      return worker;
    } catch (err) {
      // A start that timed out may still finish later: that worker is terminated when it does.
      if (!slot.worker) void creating?.then((late) => late.terminate()).catch(() => {});
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  private async runJob(slot: Slot, job: Job): Promise<void> {
    slot.busy = true;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    this.detach(job);

    let settled = false;
    let timer: NodeJS.Timeout | null = null;
    let onAbort: (() => void) | null = null;
    const finish = () => {
      settled = true;
      if (timer) clearTimeout(timer);
      if (onAbort && job.signal) job.signal.removeEventListener('abort', onAbort);
      slot.onDeath = null;
    };
    const fail = (err: unknown, killWorker: boolean) => {
      if (settled) return;
      finish();
      job.reject(err);
      if (killWorker) void this.kill(slot, null);
      else this.release(slot);
    };

    // Timeout and cancel: the wasm call cannot be interrupted, so the worker is terminated.
    timer = setTimeout(() => fail(ocrError(`OCR took longer than ${Math.round(job.timeoutMs / 1000)} s and was stopped`, 'timeout'), true), job.timeoutMs);
    if (job.signal) {
      // Cancelled before it started: the worker is fine and goes on with the next job.
      if (job.signal.aborted) return fail(ocrError('OCR was cancelled', 'cancelled'), false);
      onAbort = () => fail(ocrError('OCR was cancelled', 'cancelled'), true);
      job.signal.addEventListener('abort', onAbort, { once: true });
    }
    slot.onDeath = (err) => fail(err, false);

    try {
      const worker = await slot.ready;
      if (settled) return;
      const { data } = await worker.recognize(job.image, job.parameters ?? {}, { text: true, blocks: true });
      if (settled) return;
      finish();
      job.resolve(data);
      this.release(slot);
    } catch (err) {
      // An engine error may leave the wasm heap in a bad state: the worker is replaced.
      fail(err instanceof AppError ? err : ocrError('The OCR engine could not read this image', 'engine', { engine: String(err) }), true);
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    if (slot.dead) return;
    if (this.queue.length > 0) return this.dispatch();
    if (this.options.idleMs > 0) {
      slot.idleTimer = setTimeout(() => void this.kill(slot, null), this.options.idleMs);
      slot.idleTimer.unref();
    }
  }

  /** Terminates a slot's worker and forgets the slot; a job running on it fails with `err`. */
  private async kill(slot: Slot, err: AppError | null): Promise<void> {
    if (slot.dead) return;
    slot.dead = true;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    if (slot.onDeath) slot.onDeath(err ?? ocrError('The OCR engine stopped', 'engine'));
    const worker = slot.worker;
    slot.worker = null;
    if (worker) await worker.terminate().catch(() => {});
    // A slot still starting terminates its own worker when it sees it is dead (see start).
    else await slot.ready.catch(() => null);
    // Jobs that were waiting get a fresh worker.
    if (!this.closed) this.dispatch();
  }
}

async function sizeOf(image: Buffer): Promise<{ width: number; height: number }> {
  try {
    const meta = await sharp(image).metadata();
    return { width: meta.width ?? 0, height: meta.height ?? 0 };
  } catch (err) {
    throw ocrError('The image given to OCR cannot be decoded', 'engine', { cause: (err as Error).message });
  }
}

