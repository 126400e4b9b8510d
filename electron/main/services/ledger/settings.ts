import { DEFAULT_SETTINGS, settingsSchema, type ParsedInput, type Settings } from '../../../../shared/contract';
import { logActivity } from '../../../../db/repositories/activity';
import { readSettings, writeSettings } from '../../../../db/repositories/settings';
import { timestamp, type ServiceContext } from '../context';

export function createSettingsService(ctx: ServiceContext) {
  function get(): Settings {
    // Stored values that no longer fit the schema (an older version's) fall back to the defaults.
    const stored = readSettings(ctx.db);
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const candidate = { ...DEFAULT_SETTINGS, [key]: stored[key] };
      if (stored[key] !== undefined && settingsSchema.safeParse(candidate).success) merged[key] = stored[key];
    }
    return settingsSchema.parse(merged);
  }

  return {
    get,
    update(input: ParsedInput<'settings.update'>): Settings {
      const at = timestamp(ctx);
      const before = get();
      const diff = Object.fromEntries(
        Object.entries(input)
          .filter(([k, v]) => v !== undefined && before[k as keyof Settings] !== v)
          .map(([k, v]) => [k, [before[k as keyof Settings], v]])
      );
      if (Object.keys(diff).length > 0) {
        ctx.db.transaction((tx) => {
          writeSettings(tx, input, at);
          logActivity(tx, { entityType: 'settings', entityId: 'settings', action: 'updated', details: diff }, at);
        });
        ctx.events.emit('ledger.changed', { entities: ['settings'] });
      }
      return get();
    },
  };
}
