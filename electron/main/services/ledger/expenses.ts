import type { Expense, Output, ParsedInput } from '../../../../shared/contract';
import { expenseRuleIssues } from '../../../../shared/domain/expense-rules';
import { rateToBp, sumTotals } from '../../../../shared/domain/vat';
import { AppError, type FieldIssue } from '../../../../shared/errors';
import type { DbOrTx } from '../../../../db/client';
import { activityFor, logActivity } from '../../../../db/repositories/activity';
import { getCategory } from '../../../../db/repositories/categories';
import { expenseIds, listExpenseRows, summarizeExpenseRows } from '../../../../db/repositories/expense-query';
import {
  attachmentCount,
  commentsOf,
  getExpenseRow,
  insertComment,
  insertExpense,
  positionsOf,
  replacePositions,
  updateExpenseRow,
  type ExpenseInsert,
  type ExpenseRow,
  type PositionRow,
} from '../../../../db/repositories/expenses';
import { readSettings } from '../../../../db/repositories/settings';
import { setExpenseTags, tagCounts, tagsOfExpense } from '../../../../db/repositories/tags';
import { getVendor, listVendors, upsertVendor } from '../../../../db/repositories/vendors';
import { DEFAULT_SETTINGS, MAX_BULK_IDS } from '../../../../shared/contract';
import { timestamp, today, type ServiceContext } from '../context';
import { eachId } from './bulk';
import { toExpense, toListItem } from './expense-mapping';

type PositionInput = NonNullable<ParsedInput<'expenses.create'>['positions']>[number];

export function requireExpense(tx: DbOrTx, id: string, options: { editable?: boolean; includeDeleted?: boolean } = {}): ExpenseRow {
  const row = getExpenseRow(tx, id, options);
  if (!row) throw AppError.notFound('Expense', id);
  if (options.editable && row.locked) {
    throw new AppError('EXPENSE_LOCKED', `“${row.title}” is locked. Unlock it to make changes.`, { id });
  }
  return row;
}

export function requireCategoryId(tx: DbOrTx, categoryId: string | null | undefined): void {
  if (categoryId && !getCategory(tx, categoryId)) {
    throw new AppError('NOT_FOUND', `Category ${categoryId} does not exist`, { path: 'categoryId', id: categoryId });
  }
}

function positionRows(positions: readonly PositionInput[], newId: () => string): Omit<PositionRow, 'expenseId' | 'sortOrder'>[] {
  return positions.map((p) => ({
    id: newId(),
    description: p.description ?? null,
    totalMinor: p.total,
    vatRateBp: rateToBp(p.vatRate),
    mode: p.mode,
    accountNo: p.accountNo ?? null,
  }));
}

function totalsColumns(rows: ReadonlyArray<Pick<PositionRow, 'totalMinor' | 'vatRateBp' | 'mode'>>) {
  const t = sumTotals(rows.map((p) => ({ total: p.totalMinor, vatRateBp: p.vatRateBp, mode: p.mode })));
  return { netMinor: t.net, taxMinor: t.tax, grossMinor: t.gross };
}

function assertRules(issues: FieldIssue[]): void {
  if (issues.length > 0) throw AppError.validation(issues);
}

/** Patch fields that map one-to-one onto a column. */
const PLAIN_FIELDS = [
  'type', 'title', 'description', 'issuedAt', 'dueAt', 'reference', 'iban', 'bic', 'currency', 'categoryId',
  'project', 'customer', 'paymentMethod', 'notes', 'customFields', 'billable', 'budgetRelevant',
] as const;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function createExpenseService(ctx: ServiceContext) {
  function load(tx: DbOrTx, id: string, includeDeleted = false): Expense {
    const row = requireExpense(tx, id, { includeDeleted });
    return toExpense(
      row,
      {
        vendor: row.vendorId ? getVendor(tx, row.vendorId) : undefined,
        positions: positionsOf(tx, id),
        tags: tagsOfExpense(tx, id),
        attachmentCount: attachmentCount(tx, id),
      },
      today(ctx)
    );
  }

  function changed(ids: string[], entities: Array<'expenses' | 'tags' | 'vendors'> = ['expenses']): void {
    ctx.events.emit('ledger.changed', { entities, ids });
  }

  return {
    get(input: ParsedInput<'expenses.get'>): Expense {
      return load(ctx.db, input.id);
    },

    list(input: ParsedInput<'expenses.list'>): Output<'expenses.list'> {
      const { sort, order, offset, limit, ...filter } = input;
      const day = today(ctx);
      const rows = listExpenseRows(ctx.sqlite, filter, { sort, order, offset, limit: limit + 1 }, day);
      return { items: rows.slice(0, limit).map((r) => toListItem(r, day)), hasMore: rows.length > limit };
    },

    summary(input: ParsedInput<'expenses.summary'>): Output<'expenses.summary'> {
      const totals = summarizeExpenseRows(ctx.sqlite, input, today(ctx));
      return { count: totals.reduce((n, t) => n + t.count, 0), totals };
    },

    ids(input: ParsedInput<'expenses.ids'>): Output<'expenses.ids'> {
      const day = today(ctx);
      const ids = expenseIds(ctx.sqlite, input, day, MAX_BULK_IDS + 1);
      const truncated = ids.length > MAX_BULK_IDS;
      const total = truncated ? summarizeExpenseRows(ctx.sqlite, input, day).reduce((n, t) => n + t.count, 0) : ids.length;
      return { ids: ids.slice(0, MAX_BULK_IDS), total, truncated };
    },

    create(input: ParsedInput<'expenses.create'>): Expense {
      const at = timestamp(ctx);
      const id = ctx.newId();
      ctx.db.transaction((tx) => {
        requireCategoryId(tx, input.categoryId);
        const vendor = input.vendor ? upsertVendor(tx, input.vendor, at, ctx.newId) : undefined;
        const positions = positionRows(input.positions ?? [], ctx.newId);
        const currency = input.currency ?? String(readSettings(tx).defaultCurrency ?? DEFAULT_SETTINGS.defaultCurrency);
        // A receipt documents money already spent: it is filed approved and paid on the day it was issued.
        const isReceipt = input.type === 'receipt';
        const row: ExpenseInsert = {
          id,
          type: input.type,
          status: isReceipt ? 'approved' : 'draft',
          title: input.title || vendor?.name || 'Untitled expense',
          description: input.description ?? null,
          vendorId: vendor?.id ?? null,
          vendorName: vendor?.name ?? null,
          issuedAt: input.issuedAt,
          dueAt: input.dueAt ?? null,
          approvedAt: isReceipt ? at : null,
          paidAt: isReceipt ? input.issuedAt : null,
          reference: input.reference ?? null,
          iban: input.iban ?? null,
          bic: input.bic ?? null,
          currency,
          ...totalsColumns(positions),
          categoryId: input.categoryId ?? null,
          project: input.project ?? null,
          customer: input.customer ?? null,
          paymentMethod: input.paymentMethod ?? null,
          notes: input.notes ?? null,
          customFields: input.customFields ?? null,
          billable: input.billable ?? false,
          budgetRelevant: input.budgetRelevant ?? true,
          source: input.source ?? 'manual',
          createdAt: at,
          updatedAt: at,
        };
        insertExpense(tx, row);
        replacePositions(tx, id, positions);
        if (input.tags?.length) setExpenseTags(tx, id, input.tags, at, ctx.newId);
        logActivity(tx, { entityType: 'expense', entityId: id, action: 'created', details: { type: row.type, status: row.status, gross: row.grossMinor, currency } }, at);
      });
      changed([id], ['expenses', 'vendors', 'tags']);
      return load(ctx.db, id);
    },

    update(input: ParsedInput<'expenses.update'>): Expense {
      const { id, patch, expectedVersion } = input;
      const at = timestamp(ctx);
      ctx.db.transaction((tx) => {
        const row = requireExpense(tx, id, { editable: true });
        if (expectedVersion !== undefined && expectedVersion !== row.version) {
          throw new AppError('VERSION_CONFLICT', `“${row.title}” was changed elsewhere since you opened it. Reload it and make your change again.`, {
            id,
            expectedVersion,
            actualVersion: row.version,
          });
        }
        const currentPositions = positionsOf(tx, id);
        const issues: FieldIssue[] = [];
        if (patch.title !== undefined && patch.title === '') issues.push({ path: 'title', message: 'Title cannot be empty' });
        issues.push(
          ...expenseRuleIssues({
            type: patch.type ?? row.type,
            issuedAt: patch.issuedAt ?? row.issuedAt,
            dueAt: patch.dueAt !== undefined ? patch.dueAt : row.dueAt,
            paymentMethod: patch.paymentMethod !== undefined ? patch.paymentMethod : row.paymentMethod,
            positions: patch.positions ?? currentPositions.map((p) => ({ total: p.totalMinor })),
          })
        );
        assertRules(issues);
        requireCategoryId(tx, patch.categoryId);

        const fields: Partial<ExpenseInsert> = {};
        const diff: Record<string, unknown> = {};
        for (const key of PLAIN_FIELDS) {
          const value = patch[key];
          if (value === undefined || sameValue(row[key], value)) continue;
          (fields as Record<string, unknown>)[key] = value;
          diff[key] = [row[key], value];
        }
        if (patch.vendor !== undefined) {
          const vendor = patch.vendor ? upsertVendor(tx, patch.vendor, at, ctx.newId) : undefined;
          if ((vendor?.id ?? null) !== row.vendorId) {
            fields.vendorId = vendor?.id ?? null;
            fields.vendorName = vendor?.name ?? null;
            diff.vendor = [row.vendorName, vendor?.name ?? null];
          }
        }
        if (patch.positions) {
          const next = positionRows(patch.positions, ctx.newId);
          const key = (p: Pick<PositionRow, 'description' | 'totalMinor' | 'vatRateBp' | 'mode' | 'accountNo'>) =>
            [p.description, p.totalMinor, p.vatRateBp, p.mode, p.accountNo].join('|');
          if (next.map(key).join('\n') !== currentPositions.map(key).join('\n')) {
            replacePositions(tx, id, next);
            Object.assign(fields, totalsColumns(next));
            diff.positions = { count: [currentPositions.length, next.length], gross: [row.grossMinor, fields.grossMinor] };
          }
        }
        if (patch.tags) {
          const before = tagsOfExpense(tx, id);
          setExpenseTags(tx, id, patch.tags, at, ctx.newId);
          const after = tagsOfExpense(tx, id);
          if (!sameValue(before, after)) diff.tags = [before, after];
        }
        if (Object.keys(diff).length === 0) return;
        updateExpenseRow(tx, id, fields, at);
        logActivity(tx, { entityType: 'expense', entityId: id, action: 'updated', details: diff }, at);
      });
      changed([id], ['expenses', 'vendors', 'tags']);
      return load(ctx.db, id);
    },

    delete(input: ParsedInput<'expenses.delete'>): Output<'expenses.delete'> {
      const at = timestamp(ctx);
      const result = ctx.db.transaction((tx) =>
        eachId(input.ids, (id) => {
          requireExpense(tx, id, { editable: true });
          updateExpenseRow(tx, id, { deletedAt: at }, at);
          logActivity(tx, { entityType: 'expense', entityId: id, action: 'deleted' }, at);
        })
      );
      changed(result.updated);
      return result;
    },

    restore(input: ParsedInput<'expenses.restore'>): Output<'expenses.restore'> {
      const at = timestamp(ctx);
      const result = ctx.db.transaction((tx) =>
        eachId(input.ids, (id) => {
          const row = requireExpense(tx, id, { includeDeleted: true });
          if (!row.deletedAt) return;
          updateExpenseRow(tx, id, { deletedAt: null }, at);
          logActivity(tx, { entityType: 'expense', entityId: id, action: 'restored' }, at);
        })
      );
      changed(result.updated);
      return result;
    },

    activity(input: ParsedInput<'expenses.activity'>): Output<'expenses.activity'> {
      requireExpense(ctx.db, input.id, { includeDeleted: true });
      return activityFor(ctx.db, 'expense', input.id).map((a) => ({ id: a.id, action: a.action, details: a.details ?? null, actor: a.actor, at: a.at }));
    },

    listComments(input: ParsedInput<'comments.list'>): Output<'comments.list'> {
      requireExpense(ctx.db, input.expenseId, { includeDeleted: true });
      return commentsOf(ctx.db, input.expenseId).map((c) => ({ id: c.id, expenseId: c.expenseId, body: c.body, createdAt: c.createdAt }));
    },

    addComment(input: ParsedInput<'comments.add'>): Output<'comments.add'> {
      const at = timestamp(ctx);
      const id = ctx.newId();
      ctx.db.transaction((tx) => {
        // Commenting is not editing: a locked expense can still be discussed.
        requireExpense(tx, input.expenseId);
        insertComment(tx, { id, expenseId: input.expenseId, body: input.body, createdAt: at, updatedAt: at });
        logActivity(tx, { entityType: 'expense', entityId: input.expenseId, action: 'commented', details: { commentId: id } }, at);
      });
      changed([input.expenseId]);
      return { id, expenseId: input.expenseId, body: input.body, createdAt: at };
    },

    tags(): Output<'tags.list'> {
      return tagCounts(ctx.db);
    },

    vendors(input: ParsedInput<'vendors.list'>): Output<'vendors.list'> {
      return listVendors(ctx.db, input.search, input.limit).map(({ row, expenseCount }) => ({
        id: row.id,
        name: row.name,
        address: row.address,
        iban: row.iban,
        bic: row.bic,
        vatId: row.vatId,
        expenseCount,
      }));
    },

    load,
  };
}

export type ExpenseService = ReturnType<typeof createExpenseService>;
