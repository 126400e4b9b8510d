import type { Expense, Output, ParsedInput } from '../../../../shared/contract';
import { transitionPath } from '../../../../shared/domain/expense-rules';
import { AppError } from '../../../../shared/errors';
import { logActivity } from '../../../../db/repositories/activity';
import { updateExpenseRow, type ExpenseInsert } from '../../../../db/repositories/expenses';
import { timestamp, type ServiceContext } from '../context';
import { eachId } from './bulk';
import { requireCategoryId, requireExpense, type ExpenseService } from './expenses';

const STATUS_LABEL = { draft: 'draft', pending_review: 'pending review', approved: 'approved', rejected: 'rejected' } as const;

/** Status moves, category assignment, flags and payment: the actions a reviewer takes on many rows at once. */
export function createExpenseWorkflow(ctx: ServiceContext, expenses: ExpenseService) {
  const changed = (ids: string[]) => ctx.events.emit('ledger.changed', { entities: ['expenses'], ids });

  return {
    setStatus(input: ParsedInput<'expenses.setStatus'>): Output<'expenses.setStatus'> {
      const at = timestamp(ctx);
      const result = ctx.db.transaction((tx) =>
        eachId(input.ids, (id) => {
          const row = requireExpense(tx, id, { editable: true });
          const steps = transitionPath(row.status, input.status);
          if (!steps) {
            throw new AppError(
              'INVALID_TRANSITION',
              `“${row.title}” is ${STATUS_LABEL[row.status]} and cannot be ${STATUS_LABEL[input.status]}; reopen it for review first.`,
              { id, from: row.status, to: input.status }
            );
          }
          if (steps.length === 0) return;
          const fields: Partial<ExpenseInsert> = {
            status: input.status,
            approvedAt: input.status === 'approved' ? at : null,
            rejectReason: input.status === 'rejected' ? (input.reason ?? null) : null,
          };
          updateExpenseRow(tx, id, fields, at);
          logActivity(
            tx,
            {
              entityType: 'expense',
              entityId: id,
              action: 'status',
              details: { from: row.status, to: input.status, ...(steps.length > 1 && { via: steps.slice(0, -1) }), ...(input.reason && { reason: input.reason }) },
            },
            at
          );
        })
      );
      changed(result.updated);
      return result;
    },

    setCategory(input: ParsedInput<'expenses.setCategory'>): Output<'expenses.setCategory'> {
      const at = timestamp(ctx);
      const result = ctx.db.transaction((tx) => {
        requireCategoryId(tx, input.categoryId);
        return eachId(input.ids, (id) => {
          const row = requireExpense(tx, id, { editable: true });
          if (row.categoryId === input.categoryId) return;
          updateExpenseRow(tx, id, { categoryId: input.categoryId }, at);
          logActivity(tx, { entityType: 'expense', entityId: id, action: 'category', details: { categoryId: [row.categoryId, input.categoryId] } }, at);
        });
      });
      changed(result.updated);
      return result;
    },

    setFlags(input: ParsedInput<'expenses.setFlags'>): Output<'expenses.setFlags'> {
      const at = timestamp(ctx);
      const result = ctx.db.transaction((tx) =>
        eachId(input.ids, (id) => {
          // Unlocking in the same call lets other flags change; `exported` is bookkeeping, allowed on locked rows.
          const row = requireExpense(tx, id, { editable: input.billable !== undefined && input.locked !== false });
          const fields: Partial<ExpenseInsert> = {};
          const diff: Record<string, unknown> = {};
          for (const key of ['locked', 'billable', 'exported'] as const) {
            const value = input[key];
            if (value === undefined || row[key] === value) continue;
            fields[key] = value;
            diff[key] = [row[key], value];
          }
          if (Object.keys(diff).length === 0) return;
          updateExpenseRow(tx, id, fields, at);
          logActivity(tx, { entityType: 'expense', entityId: id, action: 'flags', details: diff }, at);
        })
      );
      changed(result.updated);
      return result;
    },

    markPaid(input: ParsedInput<'expenses.markPaid'>): Expense {
      const at = timestamp(ctx);
      ctx.db.transaction((tx) => {
        const row = requireExpense(tx, input.id, { editable: true });
        if (row.paidAt === input.paidAt) return;
        updateExpenseRow(tx, input.id, { paidAt: input.paidAt }, at);
        logActivity(tx, { entityType: 'expense', entityId: input.id, action: input.paidAt ? 'paid' : 'unpaid', details: { paidAt: [row.paidAt, input.paidAt] } }, at);
      });
      changed([input.id]);
      return expenses.load(ctx.db, input.id);
    },
  };
}
