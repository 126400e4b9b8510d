import { failure } from './errors';
import { printError } from './output';
import { buildProgram } from './program';

/** --json also shapes errors, including the ones commander raises before any option is parsed. */
function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).includes('--json');
}

// A reader that stops early (`shoebox expenses list | head`) is not a failure.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  const { error, exitCode } = failure(err);
  if (error) printError(error, wantsJson(process.argv.slice(2)));
  process.exitCode = exitCode;
}
