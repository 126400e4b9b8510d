import { z } from 'zod';
import { currency } from './common';
import { procedure } from './define';

export const settingsSchema = z.object({
  defaultCurrency: z.string(),
  /** BCP 47 locale for dates and amounts; empty follows the operating system. */
  locale: z.string(),
  theme: z.enum(['system', 'light', 'dark']),
  /** How long deleted expenses stay in the trash before they are purged. */
  trashDays: z.number().int(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { defaultCurrency: 'CHF', locale: '', theme: 'system', trashDays: 30 };

export const settingsContract = {
  'settings.get': procedure('Current settings', z.object({}).strict(), settingsSchema),
  'settings.update': procedure(
    'Change settings; only the given fields change',
    z
      .object({
        defaultCurrency: currency.optional(),
        locale: z.string().max(35).regex(/^$|^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Expected a locale like de-CH').optional(),
        theme: z.enum(['system', 'light', 'dark']).optional(),
        trashDays: z.number().int().min(1).max(3650).optional(),
      })
      .strict(),
    settingsSchema
  ),
  'app.info': procedure(
    'Version and where the data lives',
    z.object({}).strict(),
    z.object({ version: z.string(), dataDir: z.string(), databasePath: z.string(), platform: z.string() })
  ),
};
