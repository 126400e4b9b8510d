import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Input, Settings } from '../../../../shared/contract';
import { invoke, queryKeys, ShoeboxError } from '../../lib/api';
import { makeFormatters } from '../../lib/format';
import { useAppInfo, useSettings } from '../../lib/queries';
import { queryClient } from '../../lib/queryClient';
import { Field } from '../../ui/Field';
import { CurrencyOptions } from '../../ui/Options';

const THEMES: { value: Settings['theme']; label: string }[] = [
  { value: 'system', label: 'Match system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Each setting saves as soon as it is changed, as on a Mac; text fields save when left. */
export function SettingsScreen() {
  const { data: settings } = useSettings();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (change: Input<'settings.update'>) => invoke('settings.update', change),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
      setErrors({});
    },
    onError: (err) => err instanceof ShoeboxError && setErrors(Object.fromEntries(err.fieldIssues.map((i) => [i.path, i.message]))),
  });

  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="toolbar">
        <h1 id="settings-title" className="toolbar__title">
          Settings
        </h1>
        <span className="toolbar__subtitle muted" aria-live="polite" data-testid="settings-state">
          {save.isPending ? 'Saving…' : save.isSuccess ? 'Saved' : ''}
        </span>
      </header>
      <div className="page__content page__content--narrow">
        {settings ? <SettingsForm settings={settings} errors={errors} onChange={(c) => save.mutate(c)} /> : <p className="muted">Loading settings…</p>}
        <About />
      </div>
    </section>
  );
}

interface SettingsFormProps {
  settings: Settings;
  errors: Readonly<Record<string, string>>;
  onChange(change: Input<'settings.update'>): void;
}

function SettingsForm({ settings, errors, onChange }: SettingsFormProps) {
  const [locale, setLocale] = useState(settings.locale);
  const [trashDays, setTrashDays] = useState(String(settings.trashDays));
  const systemLocale = navigator.language;
  const example = previewFormatters(locale, settings.locale);

  return (
    <div className="settings">
      <section className="settings__group" aria-labelledby="settings-money">
        <h2 id="settings-money" className="settings__heading">
          Money and language
        </h2>
        <Field label="Default currency" error={errors.defaultCurrency} hint="New expenses start in this currency.">
          {(control) => (
            <select {...control} className="input" value={settings.defaultCurrency} onChange={(e) => onChange({ defaultCurrency: e.target.value })} data-testid="setting-currency">
              <CurrencyOptions />
            </select>
          )}
        </Field>
        <Field
          label="Language and region"
          error={errors.locale}
          hint={`How dates and amounts are written, e.g. ${example.money(123450, settings.defaultCurrency)} on ${example.date('2025-03-01')}. Leave empty to follow the system.`}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              placeholder={`System (${systemLocale})`}
              value={locale}
              onChange={(e) => setLocale(e.target.value)}
              onBlur={() => locale.trim() !== settings.locale && onChange({ locale: locale.trim() })}
              onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
              data-testid="setting-locale"
            />
          )}
        </Field>
      </section>

      <section className="settings__group" aria-labelledby="settings-look">
        <h2 id="settings-look" className="settings__heading">
          Appearance
        </h2>
        <div className="field">
          <span className="field__label" id="theme-label">
            Theme
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby="theme-label">
            {THEMES.map((t) => (
              <label key={t.value} className={settings.theme === t.value ? 'segmented__option is-on' : 'segmented__option'} data-testid={`theme-${t.value}`}>
                <input type="radio" name="theme" value={t.value} checked={settings.theme === t.value} onChange={() => onChange({ theme: t.value })} />
                {t.label}
              </label>
            ))}
          </div>
        </div>
      </section>

      <section className="settings__group" aria-labelledby="settings-trash">
        <h2 id="settings-trash" className="settings__heading">
          Trash
        </h2>
        <Field label="Keep deleted expenses for (days)" error={errors.trashDays} hint="After this, deleted expenses are removed for good.">
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={3650}
              className="input input--short"
              value={trashDays}
              onChange={(e) => setTrashDays(e.target.value)}
              onBlur={() => Number(trashDays) !== settings.trashDays && onChange({ trashDays: Number(trashDays) })}
              onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
              data-testid="setting-trash-days"
            />
          )}
        </Field>
      </section>
    </div>
  );
}

/** What the locale being typed would look like; half-typed tags fall back to the saved one. */
function previewFormatters(typed: string, saved: string) {
  try {
    return makeFormatters(typed.trim());
  } catch {
    return makeFormatters(saved);
  }
}

function About() {
  const { data: info } = useAppInfo();
  return (
    <section className="settings__group" aria-labelledby="settings-about" data-testid="about">
      <h2 id="settings-about" className="settings__heading">
        About Shoebox
      </h2>
      {info ? (
        <dl className="about">
          <dt>Version</dt>
          <dd data-testid="about-version">{info.version}</dd>
          <dt>Data folder</dt>
          <dd className="mono selectable" data-testid="about-data-dir">
            {info.dataDir}
          </dd>
          <dt>Database</dt>
          <dd className="mono selectable">{info.databasePath}</dd>
          <dt>Platform</dt>
          <dd>{info.platform}</dd>
        </dl>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  );
}
