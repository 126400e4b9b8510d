import { useEffect, useState } from 'react';

/** `value`, once it has stopped changing for `ms`; compared by content, so fresh objects don't restart the wait. */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
    // `key` stands in for `value`: the same content keeps the same timer.
  }, [key, ms]);
  return settled;
}
