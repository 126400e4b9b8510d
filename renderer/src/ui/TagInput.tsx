import { useId, useState } from 'react';
import { Icon } from './Icon';

interface TagInputProps {
  id: string;
  value: readonly string[];
  suggestions: readonly string[];
  onChange(tags: string[]): void;
  disabled?: boolean;
  describedBy?: string;
}

/** Tags as chips: Enter or comma adds what was typed, Backspace in the empty box removes the last. */
export function TagInput({ id, value, suggestions, onChange, disabled, describedBy }: TagInputProps) {
  const listId = useId();
  const [text, setText] = useState('');

  const add = (raw: string) => {
    const tag = raw.trim().slice(0, 50);
    if (tag && !value.some((t) => t.toLowerCase() === tag.toLowerCase())) onChange([...value, tag]);
    setText('');
  };

  return (
    <div className="tag-input input" data-testid="tag-input">
      {value.map((tag) => (
        <span key={tag} className="tag-chip tag-chip--removable">
          {tag}
          <button type="button" className="tag-chip__remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(value.filter((t) => t !== tag))} disabled={disabled}>
            <Icon name="x" />
          </button>
        </span>
      ))}
      <input
        id={id}
        className="tag-input__field"
        list={listId}
        value={text}
        disabled={disabled}
        aria-describedby={describedBy}
        placeholder={value.length ? '' : 'Add a tag…'}
        onChange={(e) => {
          // Picking a suggestion from the list replaces the text wholesale; take it as chosen.
          const next = e.target.value;
          if (suggestions.includes(next) && next.length - text.length > 1) add(next);
          else setText(next);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            if (!text.trim()) return;
            e.preventDefault();
            add(text);
          } else if (e.key === 'Backspace' && !text && value.length) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={() => text.trim() && add(text)}
        data-testid="tag-input-field"
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !value.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
