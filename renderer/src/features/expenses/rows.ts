import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ExpenseFilter, ExpenseListItem } from '../../../../shared/contract';
import { invoke, PAGE_SIZE, queryKeys, type ListQuery } from '../../lib/api';
import { queryClient } from '../../lib/queryClient';

/** Rows are fetched in pages of PAGE_SIZE, each its own query, so only what is on screen is ever loaded. */
function pageQuery(query: ListQuery, page: number) {
  return queryOptions({
    queryKey: queryKeys.expensePage(query, page),
    queryFn: async () => (await invoke('expenses.list', { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE })).items,
  });
}

export function useExpenseSummary(filter: ExpenseFilter) {
  return useQuery({
    queryKey: queryKeys.expenseSummary(filter),
    queryFn: () => invoke('expenses.summary', filter),
    // While a new filter counts, the old count keeps the scroll height from collapsing.
    placeholderData: keepPreviousData,
  });
}

/** Rows fetched beyond each edge of the window, so slow scrolling finds the next page already there. */
const PREFETCH_ROWS = PAGE_SIZE / 2;

function pagesBetween(first: number, last: number): number[] {
  const pages: number[] = [];
  for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) pages.push(p);
  return pages;
}

/**
 * Pages that may be fetched now. Pages next to ones already asked for load at once; a far jump
 * (a fling, a drag of the scrollbar) waits until the list comes to rest, because the service
 * answers one request at a time and pages flown past would only queue ahead of the wanted ones.
 */
function useSettledPages(pages: number[]): ReadonlySet<number> {
  const [settled, setSettled] = useState(pages);
  const near = pages.every((p) => settled.some((s) => Math.abs(s - p) <= 1));
  const key = pages.join();
  useEffect(() => {
    if (near) {
      setSettled(pages);
      return;
    }
    const timer = setTimeout(() => setSettled(pages), 150);
    return () => clearTimeout(timer);
    // `key` stands in for `pages`.
  }, [key, near]);
  return new Set(near ? pages : settled);
}

/** The rows from `first` to `last` (inclusive) of `count`, loading the pages they sit on. */
export function useRowWindow(query: ListQuery, count: number, first: number, last: number): (index: number) => ExpenseListItem | undefined {
  const pages = count > 0 && last >= first ? pagesBetween(Math.max(first - PREFETCH_ROWS, 0), Math.min(last + PREFETCH_ROWS, count - 1)) : [];
  const fetchable = useSettledPages(pages);
  const results = useQueries({ queries: pages.map((p) => ({ ...pageQuery(query, p), enabled: fetchable.has(p) })) });
  const loaded = new Map(pages.map((p, i) => [p, results[i]?.data]));
  return (index) => loaded.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

/** Rows already in the cache, for keyboard actions on the focused row. */
export function cachedRow(query: ListQuery, index: number): ExpenseListItem | undefined {
  if (index < 0) return undefined;
  return queryClient.getQueryData(pageQuery(query, Math.floor(index / PAGE_SIZE)).queryKey)?.[index % PAGE_SIZE];
}

/** Loads (or reuses) every page from `from` to `to`, e.g. for a shift-click range that spans unseen rows. */
export async function loadRows(query: ListQuery, from: number, to: number): Promise<ExpenseListItem[]> {
  if (to < from) return [];
  const pages = pagesBetween(from, to);
  const loaded = await Promise.all(pages.map((p) => queryClient.ensureQueryData(pageQuery(query, p))));
  const start = from - (pages[0] ?? 0) * PAGE_SIZE;
  return loaded.flat().slice(start, start + (to - from + 1));
}
