import { useState } from 'react';
import type { Settings, SettingKey } from '../../state/settingsSchema.ts';
import { SETTING_KEYS, SETTINGS_SCHEMA } from '../../state/settingsSchema.ts';
import { clampSetting } from '../../state/urlState.ts';

const RESTART_KEYS = SETTING_KEYS.filter((k) => SETTINGS_SCHEMA[k].scope === 'restart');

/** The settings that need a fresh run, generated from the schema table; applied together. */
export function RunSettings({
  settings,
  onApply,
}: {
  settings: Settings;
  onApply: (patch: Partial<Settings>) => void;
}) {
  const [draft, setDraft] = useState<Partial<Settings>>({});
  const value = <K extends SettingKey>(k: K): Settings[K] =>
    (draft[k] ?? settings[k]) as Settings[K];
  const set = (k: SettingKey, v: string | number) => setDraft((d) => ({ ...d, [k]: v }));
  const changed = RESTART_KEYS.filter((k) => k in draft && draft[k] !== settings[k]);

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
        {RESTART_KEYS.map((k) => {
          const spec = SETTINGS_SCHEMA[k];
          const id = `setting-${k}`;
          return (
            <label key={k} htmlFor={id} title={spec.help}>
              <span>{spec.label}</span>
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
                      {String(o)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  type="number"
                  min={spec.kind === 'boolean' ? undefined : spec.min}
                  max={spec.kind === 'boolean' ? undefined : spec.max}
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
          Changing these starts a new run
          {changed.includes('backend') ? ' and reloads the engine' : ''}.
        </span>
        <button type="submit" disabled={changed.length === 0}>
          Apply &amp; restart
        </button>
      </div>
    </form>
  );
}
