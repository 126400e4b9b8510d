/**
 * Errors cross every boundary (IPC, the browser bridge, the CLI) as plain data with a stable code.
 * Stack traces stay in the main-process log.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CATEGORY_IN_USE',
  'NAME_TAKEN',
  'EXPENSE_LOCKED',
  'INVALID_TRANSITION',
  'VERSION_CONFLICT',
  'UNKNOWN_PROCEDURE',
  'FORBIDDEN_SENDER',
  'SECRETS_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Path of the offending field, e.g. "positions.1.vatRate". */
  path: string;
  message: string;
}

export interface ErrorData {
  code: ErrorCode | (string & {});
  message: string;
  details?: unknown;
}

export class AppError extends Error implements ErrorData {
  readonly code: ErrorData['code'];
  readonly details?: unknown;

  constructor(code: ErrorData['code'], message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(): ErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static validation(issues: FieldIssue[]): AppError {
    const first = issues[0];
    const message = first
      ? `${first.path ? `${first.path}: ` : ''}${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`
      : 'Invalid input';
    return new AppError('VALIDATION_FAILED', message, { issues });
  }

  static notFound(what: string, id: string): AppError {
    return new AppError('NOT_FOUND', `${what} ${id} does not exist`, { id });
  }
}

/**
 * Turns anything thrown into error data. Only our own errors keep their code and message; anything
 * else (a SQLite or file-system error, which also carries a `code`) becomes INTERNAL without leaking.
 */
export function toErrorData(err: unknown): ErrorData {
  if (err instanceof AppError) return err.toData();
  return { code: 'INTERNAL', message: 'Something went wrong inside Shoebox. The details are in the log.' };
}
