import { CommanderError } from 'commander';
import { AppError, type ErrorData } from '../../shared/errors';

/** Commander's parse errors: unknown options, missing arguments. Never reaches the services. */
const USAGE = 'USAGE';

const EXIT_ERROR = 1;
const EXIT_USAGE = 2;
/** EX_SOFTWARE from sysexits.h: a bug or an environment failure, not something the user typed. */
const EXIT_INTERNAL = 70;

/** A bad option value, reported like the contract's field issues with the option as the path. */
export function invalidOption(option: string, message: string): AppError {
  return AppError.validation([{ path: option, message }]);
}

interface Failure {
  /** Absent when commander has already written what needs saying (help, version). */
  error?: ErrorData;
  exitCode: number;
}

export function failure(err: unknown): Failure {
  if (err instanceof CommanderError) {
    if (err.exitCode === 0) return { exitCode: 0 };
    // Help was printed to stderr because a command was missing; that help is the message.
    if (err.code === 'commander.help') return { exitCode: EXIT_USAGE };
    return { error: { code: USAGE, message: err.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ') }, exitCode: EXIT_USAGE };
  }
  if (err instanceof AppError) return { error: err.toData(), exitCode: EXIT_ERROR };
  // Anything else is a bug or the environment (disk, permissions), whatever code it carries. The app keeps
  // the cause in its log; a terminal has no log, so the cause is shown.
  const cause = err instanceof Error ? err.message : String(err);
  return { error: { code: 'INTERNAL', message: 'Something went wrong inside Shoebox.', details: { cause } }, exitCode: EXIT_INTERNAL };
}
