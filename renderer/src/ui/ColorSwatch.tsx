import { useEffect, useRef } from 'react';

/**
 * A color well that reports only the final pick: the native input fires `input` continuously while
 * dragging and `change` once on close, and React folds both into onChange.
 */
export function ColorSwatch({ value, label, onCommit, testId }: { value: string; label: string; onCommit(color: string): void; testId?: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const commit = useRef(onCommit);
  commit.current = onCommit;

  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    const onChange = () => commit.current(input.value);
    input.addEventListener('change', onChange);
    return () => input.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    if (ref.current) ref.current.value = value;
  }, [value]);

  return <input ref={ref} type="color" className="swatch" defaultValue={value} aria-label={label} data-testid={testId} />;
}
