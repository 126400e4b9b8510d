import type { ErrorData, FieldIssue } from '../../shared/errors';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export interface Column<T> {
  header: string;
  value(row: T): string;
  align?: 'right';
}

const widthOf = (text: string) => [...text].length;

function pad(text: string, width: number, align?: 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)));
  return align === 'right' ? fill + text : text + fill;
}

export function printTable<T>(columns: Column<T>[], rows: readonly T[]): void {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const widths = columns.map((c, i) => Math.max(widthOf(c.header), ...cells.map((r) => widthOf(r[i]!))));
  const line = (values: string[]) => values.map((v, i) => pad(v, widths[i]!, columns[i]!.align)).join('  ').trimEnd();
  for (const values of [columns.map((c) => c.header), ...cells]) printLine(line(values));
}

/** Label/value lines for one record; empty values are left out rather than shown as blanks. */
export function printPairs(pairs: ReadonlyArray<readonly [string, string | null | undefined]>): void {
  const shown = pairs.filter((p): p is readonly [string, string] => !!p[1]);
  const width = Math.max(0, ...shown.map(([label]) => widthOf(label)));
  for (const [label, value] of shown) printLine(`${pad(label, width)}  ${value}`);
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

interface FailedId {
  id: string;
  code: string;
  message: string;
}

function detailLines(details: unknown): string[] {
  if (typeof details !== 'object' || details === null) return [];
  const { issues, failed, cause } = details as { issues?: FieldIssue[]; failed?: FailedId[]; cause?: string };
  return [
    ...(issues ?? []).map((i) => `  ${i.path || '(input)'}: ${i.message}`),
    ...(failed ?? []).map((f) => `  ${f.id}: [${f.code}] ${f.message}`),
    ...(cause ? [`  cause: ${cause}`] : []),
  ];
}

/** Errors go to stderr so stdout stays clean for pipes, even when a bulk command half succeeded. */
export function printError(error: ErrorData, json: boolean): void {
  const text = json ? JSON.stringify({ error }) : [`error [${error.code}]: ${error.message}`, ...detailLines(error.details)].join('\n');
  process.stderr.write(`${text}\n`);
}
