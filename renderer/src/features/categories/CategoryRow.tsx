import { useMutation } from '@tanstack/react-query';
import { ACCOUNT_TYPES, type Category, type Input } from '../../../../shared/contract';
import { invoke } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { ColorSwatch } from '../../ui/ColorSwatch';
import { Icon } from '../../ui/Icon';
import { InlineText } from '../../ui/InlineText';
import { ACCOUNT_TYPE_LABEL } from './labels';

type Change = Omit<Input<'categories.update'>, 'id'>;

export function CategoryRow({ category, onDelete }: { category: Category; onDelete(category: Category): void }) {
  const fmt = useFormat();
  const update = useMutation({ mutationFn: (change: Change) => invoke('categories.update', { id: category.id, ...change }) });
  const { name } = category;

  return (
    <tr className="category-row" data-testid="category-row" data-id={category.id} data-name={name}>
      <td>
        <ColorSwatch value={category.color} label={`Color of ${name}`} onCommit={(color) => update.mutate({ color })} testId="category-color" />
      </td>
      <td className="category-row__name">
        <InlineText value={name} label={`Name of ${name}`} maxLength={100} onCommit={(next) => next && update.mutate({ name: next })} testId="category-name" />
        {category.isDefault && <span className="badge badge--neutral">Default</span>}
      </td>
      <td>
        <select
          className="input input--quiet"
          aria-label={`Account type of ${name}`}
          value={category.accountType}
          onChange={(e) => update.mutate({ accountType: e.target.value as Category['accountType'] })}
          data-testid="category-account-type"
        >
          {ACCOUNT_TYPES.map((t) => (
            <option key={t} value={t}>
              {ACCOUNT_TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </td>
      <td className="category-row__code">
        <InlineText
          value={category.accountCode ?? ''}
          label={`Account code of ${name}`}
          placeholder="Add code"
          maxLength={20}
          onCommit={(code) => update.mutate({ accountCode: code || null })}
          testId="category-code"
        />
      </td>
      <td className="align-end tabular" data-testid="category-count">
        {fmt.count(category.expenseCount)}
      </td>
      <td className="align-end">
        <button type="button" className="icon-button icon-button--danger" aria-label={`Delete ${name}`} title="Delete" onClick={() => onDelete(category)} data-testid="category-delete">
          <Icon name="trash" />
        </button>
      </td>
    </tr>
  );
}
