import { z } from 'zod';

/** Events pushed from the main process; the renderer invalidates its queries on them. */
export const eventsContract = {
  'ledger.changed': z.object({
    entities: z.array(z.enum(['expenses', 'categories', 'tags', 'vendors', 'settings'])),
    ids: z.array(z.string()).optional(),
  }),
};
export type EventName = keyof typeof eventsContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventsContract)[E]>;
