import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Category } from '../../../../shared/contract';
import { invoke, ShoeboxError } from '../../lib/api';
import { confirmDialog } from '../../lib/dialogs';
import { useCategories } from '../../lib/queries';
import { toast } from '../../lib/toasts';
import { CategoryRow } from './CategoryRow';
import { NewCategoryForm } from './NewCategoryForm';
import { ReassignDialog } from './ReassignDialog';

interface InUse {
  category: Category;
  reason: string;
  expenseCount: number | undefined;
}

export function CategoriesScreen() {
  const { data: categories, isPending } = useCategories();
  const [inUse, setInUse] = useState<InUse | null>(null);

  const remove = useMutation({
    meta: { handledCodes: ['CATEGORY_IN_USE'] },
    mutationFn: ({ category, reassignTo }: { category: Category; reassignTo?: string | null }) => invoke('categories.delete', { id: category.id, reassignTo }),
    onSuccess: (result, { category, reassignTo }) => {
      setInUse(null);
      const target = reassignTo === null ? 'Uncategorized' : categories?.find((c) => c.id === reassignTo)?.name;
      toast.success(
        result.reassigned && target
          ? `Deleted “${category.name}” and moved ${result.reassigned} ${result.reassigned === 1 ? 'expense' : 'expenses'} to “${target}”`
          : `Deleted “${category.name}”`
      );
    },
    onError: (err, { category }) => {
      if (err instanceof ShoeboxError && err.code === 'CATEGORY_IN_USE') {
        const count = (err.details as { expenseCount?: unknown } | undefined)?.expenseCount;
        setInUse({ category, reason: err.message, expenseCount: typeof count === 'number' ? count : undefined });
      }
    },
  });

  /** An unused category goes after a yes; one in use makes the service explain, and the dialog offers a move. */
  const startDelete = async (category: Category) => {
    if (category.expenseCount === 0) {
      const ok = await confirmDialog({
        title: `Delete “${category.name}”?`,
        message: 'No expense uses it.',
        confirmLabel: 'Delete',
        danger: true,
      });
      if (!ok) return;
    }
    remove.mutate({ category });
  };

  return (
    <section className="page" aria-labelledby="categories-title">
      <header className="toolbar">
        <h1 id="categories-title" className="toolbar__title">
          Categories
        </h1>
        <p className="toolbar__subtitle muted">How expenses are grouped, and the account each one books to.</p>
      </header>
      <div className="page__content">
        <NewCategoryForm existing={categories?.length ?? 0} />
        {isPending ? (
          <p className="muted">Loading categories…</p>
        ) : (
          <table className="table" data-testid="categories-table">
            <thead>
              <tr>
                <th scope="col" className="table__swatch">
                  <span className="visually-hidden">Color</span>
                </th>
                <th scope="col">Name</th>
                <th scope="col">Account type</th>
                <th scope="col">Account code</th>
                <th scope="col" className="align-end">
                  Expenses
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {categories?.map((c) => (
                <CategoryRow key={c.id} category={c} onDelete={startDelete} />
              ))}
            </tbody>
          </table>
        )}
      </div>
      {inUse && (
        <ReassignDialog
          category={inUse.category}
          reason={inUse.reason}
          expenseCount={inUse.expenseCount}
          others={(categories ?? []).filter((c) => c.id !== inUse.category.id)}
          busy={remove.isPending}
          onConfirm={(reassignTo) => remove.mutate({ category: inUse.category, reassignTo })}
          onCancel={() => setInUse(null)}
        />
      )}
    </section>
  );
}
