import { z } from 'zod';
import { expenseRuleIssues } from '../domain/expense-rules';
import { bic, currency, iban, id, ids, isoDate, isoTimestamp, minorUnits, requiredText, trimmed } from './common';
import { procedure } from './define';

export const EXPENSE_TYPES = ['receipt', 'invoice'] as const;
export const EXPENSE_STATUSES = ['draft', 'pending_review', 'approved', 'rejected'] as const;
export const PAYMENT_STATUSES = ['paid', 'unpaid', 'overdue'] as const;
export const SOURCES = ['manual', 'drop', 'folder', 'email', 'e_invoice'] as const;
export const PAYMENT_METHODS = ['cash', 'card', 'bank_transfer', 'direct_debit', 'paypal', 'other'] as const;
export const VAT_MODES = ['inclusive', 'exclusive'] as const;
export const SORT_FIELDS = ['date', 'amount', 'vendor', 'created'] as const;

export const expenseType = z.enum(EXPENSE_TYPES);
export const expenseStatus = z.enum(EXPENSE_STATUSES);
export const paymentStatus = z.enum(PAYMENT_STATUSES);
export const source = z.enum(SOURCES);
export const paymentMethod = z.enum(PAYMENT_METHODS);

const vatRate = z
  .number()
  .min(0, 'VAT rate must be between 0 and 100')
  .max(100, 'VAT rate must be between 0 and 100')
  .refine((r) => Math.abs(r * 100 - Math.round(r * 100)) < 1e-9, { message: 'VAT rate has at most two decimals' });

export const positionInput = z
  .object({
    description: trimmed(255).nullable().optional(),
    total: minorUnits,
    vatRate,
    mode: z.enum(VAT_MODES).default('inclusive'),
    accountNo: trimmed(20).nullable().optional(),
  })
  .strict();
export type PositionInput = z.input<typeof positionInput>;

export const vendorInput = z
  .object({
    name: requiredText(255),
    address: trimmed(500).nullable().optional(),
    iban: iban.nullable().optional(),
    bic: bic.nullable().optional(),
    vatId: trimmed(50).nullable().optional(),
  })
  .strict();

const customFields = z.record(z.string().max(64), z.union([z.string().max(1000), z.number(), z.boolean()]));
const tagName = z.string().trim().min(1).max(50);

/** Fields an owner may set on an expense; create requires some, update takes any subset. */
const expenseFields = {
  type: expenseType,
  title: trimmed(255).optional(),
  description: trimmed(5000).nullable().optional(),
  vendor: vendorInput.nullable().optional(),
  issuedAt: isoDate,
  dueAt: isoDate.nullable().optional(),
  reference: trimmed(140).nullable().optional(),
  iban: iban.nullable().optional(),
  bic: bic.nullable().optional(),
  currency: currency.optional(),
  positions: z.array(positionInput).max(500).optional(),
  categoryId: id.nullable().optional(),
  tags: z.array(tagName).max(50).optional(),
  project: trimmed(255).nullable().optional(),
  customer: trimmed(255).nullable().optional(),
  paymentMethod: paymentMethod.nullable().optional(),
  notes: trimmed(10000).nullable().optional(),
  customFields: customFields.optional(),
  billable: z.boolean().optional(),
  budgetRelevant: z.boolean().optional(),
  source: source.optional(),
};

export const expenseCreateInput = z
  .object(expenseFields)
  .strict()
  .superRefine((e, ctx) => {
    for (const issue of expenseRuleIssues({ ...e, positions: e.positions ?? [] })) {
      ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
    }
  });
export type ExpenseCreateInput = z.input<typeof expenseCreateInput>;

const { source: _source, ...patchable } = expenseFields;
export const expensePatch = z
  .object({ ...patchable, type: expenseType.optional(), issuedAt: isoDate.optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change' });
export type ExpensePatch = z.input<typeof expensePatch>;

export const positionSchema = z.object({
  id,
  description: z.string().nullable(),
  total: z.number().int(),
  vatRate: z.number(),
  mode: z.enum(VAT_MODES),
  accountNo: z.string().nullable(),
  net: z.number().int(),
  tax: z.number().int(),
  gross: z.number().int(),
});

export const vendorSchema = z.object({
  id,
  name: z.string(),
  address: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  vatId: z.string().nullable(),
});

const totals = z.object({ net: z.number().int(), tax: z.number().int(), gross: z.number().int() });

export const expenseListItemSchema = z.object({
  id,
  type: expenseType,
  status: expenseStatus,
  paymentStatus,
  title: z.string(),
  vendorName: z.string().nullable(),
  issuedAt: z.string(),
  dueAt: z.string().nullable(),
  currency: z.string(),
  net: z.number().int(),
  tax: z.number().int(),
  gross: z.number().int(),
  categoryId: z.string().nullable(),
  tags: z.array(z.string()),
  billable: z.boolean(),
  locked: z.boolean(),
  exported: z.boolean(),
  source,
  isProcessing: z.boolean(),
  hasAttachment: z.boolean(),
  createdAt: isoTimestamp,
});
export type ExpenseListItem = z.infer<typeof expenseListItemSchema>;

export const expenseSchema = z.object({
  id,
  type: expenseType,
  status: expenseStatus,
  rejectReason: z.string().nullable(),
  paymentStatus,
  title: z.string(),
  description: z.string().nullable(),
  vendor: vendorSchema.nullable(),
  issuedAt: z.string(),
  dueAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  reference: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  currency: z.string(),
  positions: z.array(positionSchema),
  totals,
  categoryId: z.string().nullable(),
  tags: z.array(z.string()),
  project: z.string().nullable(),
  customer: z.string().nullable(),
  paymentMethod: paymentMethod.nullable(),
  notes: z.string().nullable(),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  billable: z.boolean(),
  budgetRelevant: z.boolean(),
  locked: z.boolean(),
  exported: z.boolean(),
  source,
  isProcessing: z.boolean(),
  duplicateOfId: z.string().nullable(),
  attachmentCount: z.number().int(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  version: z.number().int(),
  deletedAt: z.string().nullable(),
});
export type Expense = z.infer<typeof expenseSchema>;

export const expenseFilter = z
  .object({
    search: z.string().max(200).optional(),
    type: expenseType.optional(),
    status: z.array(expenseStatus).max(4).optional(),
    paymentStatus: paymentStatus.optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    /** Category ids; the literal "none" selects uncategorized expenses. */
    categoryIds: z.array(id).max(100).optional(),
    vendorId: id.optional(),
    vendor: z.string().max(255).optional(),
    amountMin: minorUnits.optional(),
    amountMax: minorUnits.optional(),
    currency: currency.optional(),
    tags: z.array(tagName).max(20).optional(),
    billable: z.boolean().optional(),
    locked: z.boolean().optional(),
    exported: z.boolean().optional(),
    source: z.array(source).max(5).optional(),
    hasAttachment: z.boolean().optional(),
  })
  .strict();
export type ExpenseFilter = z.infer<typeof expenseFilter>;

export const expenseListInput = expenseFilter
  .extend({
    sort: z.enum(SORT_FIELDS).default('date'),
    order: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type ExpenseListInput = z.input<typeof expenseListInput>;

const bulkResult = z.object({
  updated: z.array(id),
  failed: z.array(z.object({ id, code: z.string(), message: z.string() })),
});
export type BulkResult = z.infer<typeof bulkResult>;

export const activitySchema = z.object({
  id: z.number().int(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
  actor: z.string(),
  at: isoTimestamp,
});

export const commentSchema = z.object({ id, expenseId: id, body: z.string(), createdAt: isoTimestamp });

export const expensesContract = {
  'expenses.list': procedure('List expenses: search, filter, sort, page', expenseListInput, z.object({ items: z.array(expenseListItemSchema), hasMore: z.boolean() })),
  'expenses.summary': procedure(
    'Count and totals per currency of the expenses matching a filter',
    expenseFilter,
    z.object({ count: z.number().int(), totals: z.array(totals.extend({ currency: z.string(), count: z.number().int() })) })
  ),
  'expenses.ids': procedure(
    'The ids of every expense matching a filter, for "select all" (at most MAX_BULK_IDS)',
    expenseFilter,
    z.object({ ids: z.array(id), total: z.number().int(), truncated: z.boolean() })
  ),
  'expenses.get': procedure('One expense with positions, vendor and tags', z.object({ id }).strict(), expenseSchema),
  'expenses.create': procedure('Create an expense', expenseCreateInput, expenseSchema),
  'expenses.update': procedure(
    'Change an expense; only the given fields change',
    z.object({ id, patch: expensePatch, expectedVersion: z.number().int().optional() }).strict(),
    expenseSchema
  ),
  'expenses.delete': procedure('Move expenses to the trash (undoable)', z.object({ ids }).strict(), bulkResult),
  'expenses.restore': procedure('Bring deleted expenses back', z.object({ ids }).strict(), bulkResult),
  'expenses.setStatus': procedure(
    'Submit, approve, reject or reopen expenses',
    z
      .object({ ids, status: expenseStatus, reason: trimmed(1000).optional() })
      .strict()
      .refine((v) => v.status !== 'rejected' || !!v.reason, { message: 'A reason is required to reject', path: ['reason'] }),
    bulkResult
  ),
  'expenses.setCategory': procedure('Set or clear the category of expenses', z.object({ ids, categoryId: id.nullable() }).strict(), bulkResult),
  'expenses.setFlags': procedure(
    'Lock, unlock or flag expenses',
    z
      .object({ ids, locked: z.boolean().optional(), billable: z.boolean().optional(), exported: z.boolean().optional() })
      .strict()
      .refine((v) => v.locked !== undefined || v.billable !== undefined || v.exported !== undefined, { message: 'Nothing to change' }),
    bulkResult
  ),
  'expenses.markPaid': procedure('Record or clear the payment date', z.object({ id, paidAt: isoDate.nullable() }).strict(), expenseSchema),
  'expenses.activity': procedure('The activity log of an expense, newest first', z.object({ id }).strict(), z.array(activitySchema)),
  'comments.list': procedure('Comments on an expense', z.object({ expenseId: id }).strict(), z.array(commentSchema)),
  'comments.add': procedure('Add a comment to an expense', z.object({ expenseId: id, body: z.string().trim().min(1).max(5000) }).strict(), commentSchema),
  'tags.list': procedure('Tags in use with their counts', z.object({}).strict(), z.array(z.object({ name: z.string(), count: z.number().int() }))),
  'vendors.list': procedure(
    'Vendors, most used first',
    z.object({ search: z.string().max(100).optional(), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    z.array(vendorSchema.extend({ expenseCount: z.number().int() }))
  ),
};
