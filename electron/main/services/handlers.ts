import type { Handlers } from '../dispatch';
import type { ServiceContext } from './context';
import { createCategoryService } from './ledger/categories';
import { createExpenseWorkflow } from './ledger/expense-workflow';
import { createExpenseService } from './ledger/expenses';
import { createSettingsService } from './ledger/settings';

export interface AppInfo {
  version: string;
  dataDir: string;
  databasePath: string;
}

/** The contract map, procedure by procedure, bound to the services. */
export function createHandlers(ctx: ServiceContext, info: AppInfo): Handlers {
  const categories = createCategoryService(ctx);
  const expenses = createExpenseService(ctx);
  const workflow = createExpenseWorkflow(ctx, expenses);
  const settings = createSettingsService(ctx);

  return {
    'categories.list': () => categories.list(),
    'categories.create': (i) => categories.create(i),
    'categories.update': (i) => categories.update(i),
    'categories.delete': (i) => categories.delete(i),
    'expenses.list': (i) => expenses.list(i),
    'expenses.summary': (i) => expenses.summary(i),
    'expenses.ids': (i) => expenses.ids(i),
    'expenses.get': (i) => expenses.get(i),
    'expenses.create': (i) => expenses.create(i),
    'expenses.update': (i) => expenses.update(i),
    'expenses.delete': (i) => expenses.delete(i),
    'expenses.restore': (i) => expenses.restore(i),
    'expenses.setStatus': (i) => workflow.setStatus(i),
    'expenses.setCategory': (i) => workflow.setCategory(i),
    'expenses.setFlags': (i) => workflow.setFlags(i),
    'expenses.markPaid': (i) => workflow.markPaid(i),
    'expenses.activity': (i) => expenses.activity(i),
    'comments.list': (i) => expenses.listComments(i),
    'comments.add': (i) => expenses.addComment(i),
    'tags.list': () => expenses.tags(),
    'vendors.list': (i) => expenses.vendors(i),
    'settings.get': () => settings.get(),
    'settings.update': (i) => settings.update(i),
    'app.info': () => ({ ...info, platform: process.platform }),
  };
}
