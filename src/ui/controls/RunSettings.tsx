import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingKey } from '../../state/settingsSchema.ts';
import { SETTING_KEYS, SETTINGS_SCHEMA } from '../../state/settingsSchema.ts';
import { clampSetting } from '../../state/urlState.ts';
import { DigitSetInput } from './DigitSetInput.tsx';

// The preset has buttons of its own (PresetBar) and the loss its select in the Distillation
// panel (LossModeSelect); the rest is generated from the table.
const RESTART_KEYS = SETTING_KEYS.filter(
  (k) => SETTINGS_SCHEMA[k].scope === 'restart' && k !== 'preset' && k !== 'lossMode',
);

/** Selects whose options are long words (t('settings.options.…')) take a whole row. */
const WIDE_KEYS: ReadonlySet<SettingKey> = new Set(['ensembleRule']);

interface Props {
  settings: Settings;
  onApply: (patch: Partial<Settings>) => void;
  /** Whether the run has an ensemble that averages its teachers (its rule can be chosen). */
  ensemble: boolean;
}

/** The settings that need a fresh run, generated from the schema table; applied together. */
function RunSettingsView({ settings, onApply, ensemble }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Partial<Settings>>({});
  const value = <K extends SettingKey>(k: K): Settings[K] =>
    (draft[k] ?? settings[k]) as Settings[K];
  const set = (k: SettingKey, v: string | number | boolean) => setDraft((d) => ({ ...d, [k]: v }));
  const keys = RESTART_KEYS.filter((k) => k !== 'ensembleRule' || ensemble);
  const changed = keys.filter((k) => k in draft && draft[k] !== settings[k]);

  return (
    <form
      className="run-settings"
      onSubmit={(e) => {
        e.preventDefault();
        const patch: Partial<Settings> = {};
        for (const k of changed) Object.assign(patch, { [k]: clampSetting(k, value(k)) });
        onApply(patch);
        setDraft({});
      }}
    >
      <div className="settings-grid">
        {keys.map((k) => {
          const spec = SETTINGS_SCHEMA[k];
          const id = `setting-${k}`;
          const label = t(`settings.labels.${k}`);
          const help = t(`settings.help.${k}`);
          if (spec.kind === 'digits') {
            return (
              <div key={k} className="wide" title={help}>
                <span className="field-label">{label}</span>
                <DigitSetInput
                  id={id}
                  label={label}
                  value={String(value(k))}
                  onChange={(d) => set(k, d)}
                />
              </div>
            );
          }
          if (spec.kind === 'names') return null;
          if (spec.kind === 'boolean') {
            return (
              <label key={k} htmlFor={id} title={help} className="check">
                <input
                  id={id}
                  type="checkbox"
                  checked={Boolean(value(k))}
                  onChange={(e) => set(k, e.target.checked)}
                />
                <span>{label}</span>
              </label>
            );
          }
          return (
            <label
              key={k}
              htmlFor={id}
              title={help}
              className={WIDE_KEYS.has(k) ? 'wide' : undefined}
            >
              <span>{label}</span>
              {spec.kind === 'enum' ? (
                <select
                  id={id}
                  value={String(value(k))}
                  onChange={(e) =>
                    set(
                      k,
                      typeof spec.default === 'number' ? Number(e.target.value) : e.target.value,
                    )
                  }
                >
                  {spec.options.map((o) => (
                    <option key={String(o)} value={String(o)}>
                      {t(`settings.options.${k}.${String(o)}`, { defaultValue: String(o) })}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  type="number"
                  min={spec.min}
                  max={spec.max}
                  step={spec.kind === 'integer' ? 1 : 'any'}
                  value={String(value(k))}
                  onChange={(e) => e.target.value !== '' && set(k, Number(e.target.value))}
                />
              )}
            </label>
          );
        })}
      </div>
      <div className="run-settings-foot">
        <span className="small">
          {t(
            changed.includes('backend') || changed.includes('workers')
              ? 'settings.newRunBackend'
              : 'settings.newRun',
          )}
        </span>
        <button type="submit" disabled={changed.length === 0}>
          {t('settings.apply')}
        </button>
      </div>
    </form>
  );
}

/**
 * Re-renders only when a restart-scoped value changes (not on every slider move). An older
 * `onApply` is as good as a newer one: it reads only these values and patches the rest.
 */
export const RunSettings = memo(
  RunSettingsView,
  (a, b) => a.ensemble === b.ensemble && RESTART_KEYS.every((k) => a.settings[k] === b.settings[k]),
);
