import { useState } from 'react';

interface InlineTextProps {
  value: string;
  /** Names the field for assistive technology, e.g. "Name of Travel". */
  label: string;
  placeholder?: string;
  maxLength: number;
  onCommit(value: string): void;
  testId?: string;
}

/** Text that reads as text until clicked; Enter or leaving the field saves, Esc puts it back. */
export function InlineText({ value, label, placeholder, maxLength, onCommit, testId }: InlineTextProps) {
  const [editing, setEditing] = useState<string | null>(null);

  if (editing === null) {
    return (
      <button type="button" className="inline-text" aria-label={`${label}: ${value || 'empty'}. Edit`} onClick={() => setEditing(value)} data-testid={testId}>
        {value || <span className="muted">{placeholder}</span>}
      </button>
    );
  }

  const commit = () => {
    setEditing(null);
    if (editing.trim() !== value) onCommit(editing.trim());
  };
  return (
    <input
      className="input inline-text__input"
      aria-label={label}
      value={editing}
      maxLength={maxLength}
      autoFocus
      onChange={(e) => setEditing(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') {
          e.stopPropagation();
          setEditing(null);
        }
      }}
      data-testid={testId && `${testId}-input`}
    />
  );
}
