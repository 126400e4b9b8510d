import { useMemo } from 'react';

/** The same object as last render while its content is the same, so effects and memos keyed on it stay put. */
export function useStable<T>(value: T): T {
  const key = JSON.stringify(value);
  // `key` stands in for `value`.
  return useMemo(() => value, [key]);
}
