import { AppError } from '../../shared/errors';

/** Awaits something that must fail with one of our errors, and answers that error. */
export async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}
