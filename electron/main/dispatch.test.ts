import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestLedger, type TestLedger } from '../../test/helpers/ledger';
import { invokeSafely, type Handlers } from './dispatch';

let ledger: TestLedger;
beforeEach(() => {
  ledger = openTestLedger();
});
afterEach(() => ledger.close());

describe('invokeSafely', () => {
  it('answers data for a valid call', async () => {
    const result = await invokeSafely(ledger.services.handlers, 'categories.list', {});
    expect(result.ok).toBe(true);
  });

  it('turns unknown procedures and bad input into error data', async () => {
    expect(await invokeSafely(ledger.services.handlers, 'expenses.drop', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_PROCEDURE', message: 'There is no procedure called expenses.drop' },
    });
    const bad = await invokeSafely(ledger.services.handlers, 'expenses.list', { limit: 'all' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'limit' }] } } });
  });

  it('hides unexpected failures behind INTERNAL and logs them', async () => {
    const log = vi.fn();
    const broken = { ...ledger.services.handlers, 'categories.list': () => { throw new Error('disk on fire at /secret/path'); } } as Handlers;
    const result = await invokeSafely(broken, 'categories.list', {}, log);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.not.stringContaining('secret') } });
    expect(log).toHaveBeenCalledOnce();
  });

  it('refuses a handler answer that breaks the contract', async () => {
    const log = vi.fn();
    const wrong = { ...ledger.services.handlers, 'categories.list': () => [{ id: 1 }] } as unknown as Handlers;
    expect((await invokeSafely(wrong, 'categories.list', {}, log)).ok).toBe(false);
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('errors from below', () => {
  it('does not pass on a SQLite or system error as if it were ours', async () => {
    const log = vi.fn();
    const sqliteLike = Object.assign(new Error('SQLITE_BUSY: database is locked at /Users/me/ledger'), { code: 'SQLITE_BUSY' });
    const broken = { ...ledger.services.handlers, 'categories.list': () => { throw sqliteLike; } } as Handlers;
    const result = await invokeSafely(broken, 'categories.list', {}, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('/Users/me');
  });
});
