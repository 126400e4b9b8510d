import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from './Icon';

export interface MultiSelectOption {
  value: string;
  label: string;
  adornment?: ReactNode;
}

interface MultiSelectProps {
  label: string;
  options: readonly MultiSelectOption[];
  value: readonly string[];
  onChange(value: string[]): void;
  emptyText?: string;
  testId?: string;
}

/** A disclosure with a checkbox per option: native, keyboard-friendly, and it fits in a filter bar. */
export function MultiSelect({ label, options, value, onChange, emptyText = 'Any', testId }: MultiSelectProps) {
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const closeOutside = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, []);

  const chosen = options.filter((o) => value.includes(o.value));
  const summary = chosen.length === 0 ? emptyText : chosen.length === 1 ? chosen[0]!.label : `${chosen.length} selected`;
  const toggle = (v: string) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);

  return (
    <details
      ref={ref}
      className="multiselect"
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          e.preventDefault();
          e.stopPropagation();
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary className="input multiselect__summary" aria-label={`${label}: ${summary}`}>
        <span className={chosen.length ? 'truncate' : 'truncate muted'}>{summary}</span>
        <Icon name="chevronDown" className="multiselect__chevron" />
      </summary>
      <div className="multiselect__panel" role="group" aria-label={label}>
        {options.length === 0 && <p className="multiselect__empty">Nothing to choose from yet</p>}
        {options.map((o) => (
          <label key={o.value} className="multiselect__option">
            <input type="checkbox" className="checkbox" checked={value.includes(o.value)} onChange={() => toggle(o.value)} />
            {o.adornment}
            <span className="truncate">{o.label}</span>
          </label>
        ))}
      </div>
    </details>
  );
}
