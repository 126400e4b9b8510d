import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { getJob, insertJobs, listJobs, type JobRow } from '../../../../db/repositories/intake-jobs';
import { openTestLedger, type TestLedger } from '../../../../test/helpers/ledger';
import { IntakeQueue, type ProcessJob } from './queue';

let ledger: TestLedger;
beforeEach(() => {
  ledger = openTestLedger();
});
afterEach(() => ledger.close());

function enqueue(names: string[], batchId = 'b1'): void {
  const at = new Date().toISOString();
  insertJobs(
    ledger.services.context.db,
    names.map((name) => ({ id: `job-${name}`, sourcePath: `/inbox/${name}`, originalName: name, source: 'drop', state: 'queued' as const, batchId, createdAt: at, updatedAt: at }))
  );
}

const fast = { concurrency: 2, maxAttempts: 3, retryDelayMs: () => 20 };
const job = (name: string): JobRow => getJob(ledger.services.context.db, `job-${name}`)!;

describe('intake queue', () => {
  it('runs every job once and records the outcome', async () => {
    const seen: string[] = [];
    const queue = new IntakeQueue(ledger.services.context, async ({ job, progress }) => {
      seen.push(job.originalName);
      progress('reading', 50);
      return { expenseId: `e-${job.originalName}`, outcome: 'imported' };
    }, fast);
    enqueue(['a.pdf', 'b.jpg', 'c.png']);
    queue.start();
    await queue.whenIdle();
    expect(seen.sort()).toEqual(['a.pdf', 'b.jpg', 'c.png']);
    expect(job('b.jpg')).toMatchObject({ state: 'done', outcome: 'imported', expenseId: 'e-b.jpg', attempts: 1, progress: 100 });
    await queue.close();
  });

  it('fails a bad file at once with its reason and retries a passing problem', async () => {
    let flaky = 0;
    const process: ProcessJob = async ({ job }) => {
      if (job.originalName === 'notes.txt') throw new AppError('UNSUPPORTED_FILE', 'notes.txt is a TXT file');
      if (job.originalName === 'flaky.pdf' && flaky++ < 2) throw new Error('EBUSY: resource busy');
      return { expenseId: 'e', outcome: 'imported' };
    };
    const queue = new IntakeQueue(ledger.services.context, process, fast);
    enqueue(['notes.txt', 'flaky.pdf']);
    queue.start();
    await queue.whenIdle();
    expect(job('notes.txt')).toMatchObject({ state: 'failed', errorCode: 'UNSUPPORTED_FILE', errorMessage: 'notes.txt is a TXT file', attempts: 1 });
    expect(job('flaky.pdf')).toMatchObject({ state: 'done', attempts: 3 });
    await queue.close();
  });

  it('gives up after the last attempt', async () => {
    const queue = new IntakeQueue(ledger.services.context, async () => { throw new Error('disk full'); }, fast);
    enqueue(['a.pdf']);
    queue.start();
    await queue.whenIdle();
    expect(job('a.pdf')).toMatchObject({ state: 'failed', errorCode: 'INTERNAL', attempts: 3 });
    await queue.close();
  });

  it('resumes jobs a crash left in processing, without losing an attempt to a shutdown', async () => {
    enqueue(['a.pdf', 'b.pdf']);
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const first = new IntakeQueue(ledger.services.context, async ({ signal }) => {
      await Promise.race([blocked, new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))]);
      return { expenseId: 'e', outcome: 'imported' };
    }, fast);
    first.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(listJobs(ledger.services.context.db, { states: ['processing'], limit: 10 })).toHaveLength(2);
    await first.close();
    release();
    expect(job('a.pdf')).toMatchObject({ state: 'queued', attempts: 0 });

    // A hard kill leaves rows in "processing"; the next start puts them back.
    ledger.services.context.sqlite.prepare(`UPDATE intake_jobs SET state = 'processing'`).run();
    const second = new IntakeQueue(ledger.services.context, async () => ({ expenseId: 'e2', outcome: 'imported' }), fast);
    second.start();
    await second.whenIdle();
    expect([job('a.pdf').state, job('b.pdf').state]).toEqual(['done', 'done']);
    await second.close();
  });
});
