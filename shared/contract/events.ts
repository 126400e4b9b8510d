import { z } from 'zod';

/** What the native menu asks the UI to do; the renderer navigates, the menu never touches the UI. */
export const MENU_COMMANDS = ['expense.new', 'view.inbox', 'view.expenses', 'view.categories', 'view.settings'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Events pushed from the main process; the renderer invalidates its queries on them. */
export const eventsContract = {
  'menu.command': z.object({ command: z.enum(MENU_COMMANDS) }),
  /** An intake job moved on: queued, processing (with stage and percent), done or failed. */
  'intake.changed': z.object({
    jobId: z.string().optional(),
    batchId: z.string().nullable().optional(),
    state: z.enum(['queued', 'processing', 'done', 'failed']).optional(),
    stage: z.string().optional(),
    progress: z.number().int().min(0).max(100).optional(),
    expenseId: z.string().optional(),
  }),
  'ledger.changed': z.object({
    entities: z.array(z.enum(['expenses', 'categories', 'tags', 'vendors', 'settings'])),
    ids: z.array(z.string()).optional(),
  }),
};
export type EventName = keyof typeof eventsContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventsContract)[E]>;
