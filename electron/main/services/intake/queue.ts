import { AppError, toErrorData } from '../../../../shared/errors';
import { nowIso } from '../../../../shared/domain/dates';
import {
  claimNextJob,
  nextRetryAt,
  requeueInterruptedJobs,
  updateJob,
  type JobRow,
} from '../../../../db/repositories/intake-jobs';
import type { ServiceContext } from '../context';

export interface JobOutcome {
  expenseId: string;
  /** A file whose content was imported before is not imported again; it points at the existing expense. */
  outcome: 'imported' | 'duplicate';
}

export interface JobRun {
  job: JobRow;
  signal: AbortSignal;
  /** Reports a stage and a percentage; cheap enough to call often. */
  progress(stage: string, percent: number): void;
}

export type ProcessJob = (run: JobRun) => Promise<JobOutcome>;

export interface QueueOptions {
  concurrency: number;
  /** Attempts before a job that keeps failing for passing reasons is given up. */
  maxAttempts: number;
  retryDelayMs(attempt: number): number;
}

/** Refusals that another attempt cannot change: the file itself is the problem. */
const PERMANENT = new Set(['UNSUPPORTED_FILE', 'FILE_TOO_LARGE', 'FILE_UNREADABLE', 'CANCELLED']);

export const DEFAULT_QUEUE_OPTIONS: QueueOptions = {
  concurrency: 2,
  maxAttempts: 3,
  retryDelayMs: (attempt) => [5_000, 30_000, 120_000][Math.min(attempt - 1, 2)]!,
};

/**
 * Runs intake jobs from the SQLite queue, a few at a time. Everything it knows is in the table, so
 * a crash or a kill loses nothing: start() puts interrupted jobs back and carries on.
 */
export class IntakeQueue {
  private readonly running = new Map<string, AbortController>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly process: ProcessJob,
    private readonly options: QueueOptions = DEFAULT_QUEUE_OPTIONS
  ) {}

  start(): void {
    const requeued = this.ctx.db.transaction((tx) => requeueInterruptedJobs(tx, nowIso(this.ctx.now())));
    if (requeued > 0) this.ctx.events.emit('intake.changed', {});
    this.pump();
  }

  /** Wakes the queue after jobs were added or made due. */
  pump(): void {
    if (this.closed) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.running.size < this.options.concurrency) {
      const job = this.ctx.db.transaction((tx) => claimNextJob(tx, nowIso(this.ctx.now())));
      if (!job) break;
      void this.run(job);
    }
    if (this.running.size === 0) {
      const due = nextRetryAt(this.ctx.db);
      if (due) this.timer = setTimeout(() => this.pump(), Math.max(0, Date.parse(due) - this.ctx.now().getTime()) + 10);
      else this.notifyIdle();
    }
  }

  /** Stops jobs that are running now (cancelling a batch); they end as failed with CANCELLED. */
  abort(jobIds: readonly string[]): void {
    for (const id of jobIds) this.running.get(id)?.abort(new AppError('CANCELLED', 'Import cancelled'));
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** Resolves when no job is running or due (tests and the benchmark wait on this). */
  whenIdle(): Promise<void> {
    if (this.running.size === 0 && !this.timer) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking jobs; running ones are aborted and go back to the queue on the next start. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const pending = [...this.running.values()];
    pending.forEach((c) => c.abort(new AppError('SHUTTING_DOWN', 'Shoebox is closing')));
    while (this.running.size > 0) await new Promise((r) => setTimeout(r, 20));
    this.notifyIdle();
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }

  private async run(job: JobRow): Promise<void> {
    const controller = new AbortController();
    this.running.set(job.id, controller);
    this.ctx.events.emit('intake.changed', { jobId: job.id, state: 'processing', batchId: job.batchId });
    let lastReport = 0;
    // The row and the UI hear of progress at most every 100 ms: a busy OCR step calls this often.
    const progress = (stage: string, percent: number) => {
      if (controller.signal.aborted) return;
      const now = Date.now();
      if (now - lastReport < 100 && percent < 100) return;
      lastReport = now;
      const rounded = Math.round(percent);
      updateJob(this.ctx.db, job.id, { stage, progress: rounded }, nowIso(this.ctx.now()));
      this.ctx.events.emit('intake.changed', { jobId: job.id, state: 'processing', stage, progress: rounded, batchId: job.batchId });
    };
    try {
      const result = await this.process({ job, signal: controller.signal, progress });
      if (controller.signal.aborted) throw controller.signal.reason;
      updateJob(this.ctx.db, job.id, { state: 'done', stage: null, progress: 100, expenseId: result.expenseId, outcome: result.outcome }, nowIso(this.ctx.now()));
      this.ctx.events.emit('intake.changed', { jobId: job.id, state: 'done', batchId: job.batchId, expenseId: result.expenseId });
    } catch (err) {
      this.fail(job, controller.signal.aborted ? controller.signal.reason : err);
    } finally {
      this.running.delete(job.id);
      this.pump();
    }
  }

  private fail(job: JobRow, err: unknown): void {
    const at = nowIso(this.ctx.now());
    const error = toErrorData(err);
    if (error.code === 'SHUTTING_DOWN') {
      // Not the file's fault: it goes back in the queue untouched, without using up an attempt.
      updateJob(this.ctx.db, job.id, { state: 'queued', stage: null, progress: 0, attempts: Math.max(0, job.attempts - 1) }, at);
      return;
    }
    if (error.code === 'INTERNAL') console.error(`[shoebox] intake of ${job.originalName} failed`, err);
    const retry = !PERMANENT.has(error.code) && job.attempts < this.options.maxAttempts;
    updateJob(
      this.ctx.db,
      job.id,
      {
        state: retry ? 'queued' : 'failed',
        stage: null,
        errorCode: error.code,
        errorMessage: error.message,
        nextRetryAt: retry ? new Date(this.ctx.now().getTime() + this.options.retryDelayMs(job.attempts)).toISOString() : null,
      },
      at
    );
    this.ctx.events.emit('intake.changed', { jobId: job.id, state: retry ? 'queued' : 'failed', batchId: job.batchId });
  }
}
