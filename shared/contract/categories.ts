import { z } from 'zod';
import { color, id, isoTimestamp, requiredText, trimmed } from './common';
import { procedure } from './define';

export const ACCOUNT_TYPES = ['cost_of_sales', 'operating_expense', 'personnel', 'financial', 'tax', 'asset', 'other'] as const;
export const accountType = z.enum(ACCOUNT_TYPES);

export const categorySchema = z.object({
  id,
  name: z.string(),
  color: z.string(),
  accountType,
  accountCode: z.string().nullable(),
  isDefault: z.boolean(),
  expenseCount: z.number().int(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Category = z.infer<typeof categorySchema>;

const categoryName = requiredText(100);
const accountCode = trimmed(20).nullable();

export const categoriesContract = {
  'categories.list': procedure('List default and custom categories with their expense counts', z.object({}).strict(), z.array(categorySchema)),
  'categories.create': procedure(
    'Create a custom category',
    z.object({ name: categoryName, color: color.optional(), accountType: accountType.optional(), accountCode: accountCode.optional() }).strict(),
    categorySchema
  ),
  'categories.update': procedure(
    'Change a category; only the given fields change',
    z.object({ id, name: categoryName.optional(), color: color.optional(), accountType: accountType.optional(), accountCode: accountCode.optional() }).strict(),
    categorySchema
  ),
  'categories.delete': procedure(
    'Delete a category; refused while expenses use it unless they are reassigned (null leaves them uncategorized)',
    z.object({ id, reassignTo: id.nullable().optional() }).strict(),
    z.object({ deleted: z.literal(true), reassigned: z.number().int() })
  ),
};
