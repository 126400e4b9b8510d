import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ACCOUNT_TYPES, type Category } from '../../../../shared/contract';
import { invoke, ShoeboxError } from '../../lib/api';
import { toast } from '../../lib/toasts';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/Icon';
import { ACCOUNT_TYPE_LABEL, PALETTE } from './labels';

export function NewCategoryForm({ existing }: { existing: number }) {
  const [name, setName] = useState('');
  const [color, setColor] = useState(PALETTE[existing % PALETTE.length]!);
  const [accountType, setAccountType] = useState<Category['accountType']>('operating_expense');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const create = useMutation({
    mutationFn: () => invoke('categories.create', { name, color, accountType }),
    onSuccess: (created) => {
      toast.success(`Added “${created.name}”`);
      setName('');
      setErrors({});
      setColor(PALETTE[(existing + 1) % PALETTE.length]!);
    },
    onError: (err) => {
      if (!(err instanceof ShoeboxError)) return;
      if (err.code === 'NAME_TAKEN') setErrors({ name: err.message });
      else setErrors(Object.fromEntries(err.fieldIssues.map((i) => [i.path, i.message])));
    },
  });

  return (
    <form
      className="new-category"
      aria-label="New category"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) create.mutate();
      }}
    >
      <div className="field new-category__color">
        <label className="field__label" htmlFor="new-category-color">
          Color
        </label>
        <input id="new-category-color" type="color" className="swatch" value={color} onChange={(e) => setColor(e.target.value)} data-testid="new-category-color" />
      </div>
      <Field label="Name" error={errors.name} className="new-category__name">
        {(control) => (
          <input
            {...control}
            className="input"
            placeholder="e.g. Coworking space"
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="new-category-name"
          />
        )}
      </Field>
      <Field label="Account type" error={errors.accountType}>
        {(control) => (
          <select {...control} className="input" value={accountType} onChange={(e) => setAccountType(e.target.value as Category['accountType'])} data-testid="new-category-type">
            {ACCOUNT_TYPES.map((t) => (
              <option key={t} value={t}>
                {ACCOUNT_TYPE_LABEL[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button--primary" disabled={!name.trim() || create.isPending} data-testid="new-category-submit">
        <Icon name="plus" />
        Add category
      </button>
    </form>
  );
}
