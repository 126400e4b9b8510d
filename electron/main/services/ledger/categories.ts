import type { Category, Output, ParsedInput } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { DbOrTx } from '../../../../db/client';
import { logActivity } from '../../../../db/repositories/activity';
import {
  countCategories,
  countCategoryExpenses,
  findCategoryByName,
  getCategory,
  insertCategory,
  listCategoriesWithCounts,
  reassignCategoryExpenses,
  updateCategory,
  type CategoryRow,
} from '../../../../db/repositories/categories';
import { timestamp, type ServiceContext } from '../context';

const PALETTE = ['#4f7cac', '#00897b', '#e67e22', '#6c5ce7', '#c0392b', '#27ae60', '#d63384', '#2980b9', '#8d6e63', '#f39c12'];

function toCategory(row: CategoryRow, expenseCount: number): Category {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    accountType: row.accountType as Category['accountType'],
    accountCode: row.accountCode,
    isDefault: row.isDefault,
    expenseCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function requireCategory(db: DbOrTx, id: string): CategoryRow {
  const row = getCategory(db, id);
  if (!row) throw AppError.notFound('Category', id);
  return row;
}

function assertNameFree(db: DbOrTx, name: string, exceptId?: string): void {
  const clash = findCategoryByName(db, name);
  if (clash && clash.id !== exceptId) {
    throw new AppError('NAME_TAKEN', `A category called “${clash.name}” already exists`, { path: 'name', id: clash.id });
  }
}

function changed(ctx: ServiceContext, ids?: string[], withExpenses = false): void {
  ctx.events.emit('ledger.changed', { entities: withExpenses ? ['categories', 'expenses'] : ['categories'], ids });
}

export function createCategoryService(ctx: ServiceContext) {
  function get(id: string): Category {
    const row = requireCategory(ctx.db, id);
    return toCategory(row, countCategoryExpenses(ctx.db, id));
  }

  return {
    list(): Output<'categories.list'> {
      return listCategoriesWithCounts(ctx.db).map(({ row, expenseCount }) => toCategory(row, expenseCount));
    },

    create(input: ParsedInput<'categories.create'>): Output<'categories.create'> {
      const at = timestamp(ctx);
      const id = ctx.newId();
      ctx.db.transaction((tx) => {
        assertNameFree(tx, input.name);
        const count = countCategories(tx);
        insertCategory(tx, {
          id,
          name: input.name,
          color: input.color ?? PALETTE[count % PALETTE.length]!,
          accountType: input.accountType ?? 'operating_expense',
          accountCode: input.accountCode ?? null,
          isDefault: false,
          sortOrder: 1000 + count,
          createdAt: at,
          updatedAt: at,
        });
        logActivity(tx, { entityType: 'category', entityId: id, action: 'created', details: { name: input.name } }, at);
      });
      changed(ctx, [id]);
      return get(id);
    },

    update(input: ParsedInput<'categories.update'>): Output<'categories.update'> {
      const { id, ...fields } = input;
      const at = timestamp(ctx);
      ctx.db.transaction((tx) => {
        const before = requireCategory(tx, id);
        if (fields.name !== undefined) assertNameFree(tx, fields.name, id);
        const diff = Object.fromEntries(
          Object.entries(fields)
            .filter(([k, v]) => v !== undefined && before[k as keyof CategoryRow] !== v)
            .map(([k, v]) => [k, [before[k as keyof CategoryRow], v]])
        );
        if (Object.keys(diff).length === 0) return;
        updateCategory(tx, id, fields, at);
        logActivity(tx, { entityType: 'category', entityId: id, action: 'updated', details: diff }, at);
      });
      changed(ctx, [id]);
      return get(id);
    },

    delete(input: ParsedInput<'categories.delete'>): Output<'categories.delete'> {
      const at = timestamp(ctx);
      const reassigned = ctx.db.transaction((tx) => {
        const category = requireCategory(tx, input.id);
        const inUse = countCategoryExpenses(tx, input.id);
        let moved: string[] = [];
        if (inUse > 0) {
          if (input.reassignTo === undefined) {
            throw new AppError(
              'CATEGORY_IN_USE',
              `“${category.name}” is used by ${inUse} expense${inUse === 1 ? '' : 's'}. Choose a category to move them to first.`,
              { id: input.id, expenseCount: inUse }
            );
          }
          if (input.reassignTo === input.id) {
            throw AppError.validation([{ path: 'reassignTo', message: 'Choose a different category to move the expenses to' }]);
          }
          const targetId = input.reassignTo === null ? null : requireCategory(tx, input.reassignTo).id;
          moved = reassignCategoryExpenses(tx, input.id, targetId, at);
          logActivity(
            tx,
            moved.map((expenseId) => ({
              entityType: 'expense' as const,
              entityId: expenseId,
              action: 'category',
              details: { categoryId: [input.id, targetId], reason: `“${category.name}” was deleted` },
            })),
            at
          );
        }
        updateCategory(tx, input.id, { deletedAt: at }, at);
        logActivity(tx, { entityType: 'category', entityId: input.id, action: 'deleted', details: { name: category.name, reassignTo: input.reassignTo ?? null, moved: moved.length } }, at);
        return moved.length;
      });
      changed(ctx, [input.id], reassigned > 0);
      return { deleted: true, reassigned };
    },
  };
}

export type CategoryService = ReturnType<typeof createCategoryService>;
