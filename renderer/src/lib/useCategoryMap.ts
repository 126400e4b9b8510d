import { useMemo } from 'react';
import type { Category } from '../../../shared/contract';
import { useCategories } from './queries';

export function useCategoryMap(): ReadonlyMap<string, Category> {
  const { data } = useCategories();
  return useMemo(() => new Map((data ?? []).map((c) => [c.id, c])), [data]);
}
