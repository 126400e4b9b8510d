import type { BulkResult } from '../../../../shared/contract';
import { AppError, toErrorData } from '../../../../shared/errors';

/**
 * Runs one change per id inside the caller's transaction; a refused id (locked, missing, wrong state)
 * is reported and skipped, the others go through.
 */
export function eachId(ids: readonly string[], apply: (id: string) => void): BulkResult {
  const result: BulkResult = { updated: [], failed: [] };
  for (const id of new Set(ids)) {
    try {
      apply(id);
      result.updated.push(id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const { code, message } = toErrorData(err);
      result.failed.push({ id, code, message });
    }
  }
  return result;
}
