import type { QueryClient } from '@tanstack/react-query';
import type { EventPayload, ExpenseFilter, ExpenseListInput, Input, Output, ProcedureName } from '../../../shared/contract';
import type { FieldIssue } from '../../../shared/errors';

/** A failed procedure call, carrying the service's error data as is. */
export class ShoeboxError extends Error {
  readonly code: string;
  readonly details: unknown;
  /** Validation issues ("positions.1.vatRate"), empty for other errors. */
  readonly fieldIssues: FieldIssue[];

  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ShoeboxError';
    this.code = code;
    this.details = details;
    this.fieldIssues = issuesOf(details);
  }
}

function issuesOf(details: unknown): FieldIssue[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is FieldIssue => typeof i === 'object' && i !== null && typeof i.path === 'string' && typeof i.message === 'string'
  );
}

export async function invoke<K extends ProcedureName>(name: K, input: Input<K>): Promise<Output<K>> {
  let result: Awaited<ReturnType<Window['shoebox']['invoke']>>;
  try {
    result = await window.shoebox.invoke(name, input);
  } catch (err) {
    // The bridge itself failed (not the procedure): the main process or harness is gone.
    throw new ShoeboxError('UNAVAILABLE', `Shoebox could not reach its data service (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (result.ok) return result.data as Output<K>;
  throw new ShoeboxError(result.error.code, result.error.message, result.error.details);
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

export type ListQuery = Omit<ExpenseListInput, 'offset' | 'limit'>;

export const PAGE_SIZE = 100;

/** Every key starts with the entity that `ledger.changed` names, so invalidation is by prefix. */
export const queryKeys = {
  expensePage: (query: ListQuery, page: number) => ['expenses', 'list', query, page] as const,
  expenseSummary: (filter: ExpenseFilter) => ['expenses', 'summary', filter] as const,
  expense: (id: string) => ['expenses', 'detail', id] as const,
  activity: (id: string) => ['expenses', 'activity', id] as const,
  comments: (expenseId: string) => ['comments', expenseId] as const,
  categories: ['categories'] as const,
  tags: ['tags'] as const,
  vendors: (search: string) => ['vendors', search] as const,
  settings: ['settings'] as const,
  appInfo: ['app', 'info'] as const,
};

type Entity = EventPayload<'ledger.changed'>['entities'][number];

/** Query prefixes that go stale when an entity changes; category counts and comments hang off expenses. */
const STALE_BY_ENTITY: Record<Entity, ReadonlyArray<readonly string[]>> = {
  expenses: [['expenses'], ['categories'], ['comments'], ['tags'], ['vendors']],
  categories: [['categories'], ['expenses']],
  tags: [['tags']],
  vendors: [['vendors']],
  settings: [['settings']],
};

function invalidateEntities(client: QueryClient, entities: readonly Entity[]): void {
  const prefixes = new Map<string, readonly string[]>();
  for (const e of entities) for (const p of STALE_BY_ENTITY[e]) prefixes.set(p.join('/'), p);
  for (const queryKey of prefixes.values()) void client.invalidateQueries({ queryKey });
}

/**
 * Keeps every query fresh when the ledger changes, whoever changed it (this window, the CLI, a
 * watcher). Called once at startup, before the first render: a subscription made later, in an
 * effect, would miss changes made while the first queries were already on their way.
 */
export function subscribeToLedgerEvents(client: QueryClient): () => void {
  return window.shoebox.on('ledger.changed', (payload) => {
    const entities = (payload as Partial<EventPayload<'ledger.changed'>> | null)?.entities;
    if (Array.isArray(entities)) invalidateEntities(client, entities);
  });
}
