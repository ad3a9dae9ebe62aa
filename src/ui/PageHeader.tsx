import { SETTINGS_SCHEMA, type Settings } from '../state/settingsSchema.ts';
import { ShareButton } from './embed/ShareDialog.tsx';

/** The page's title and tagline, and the Share / embed dialog (not shown in an embed). */
const THEME_WORDS = { auto: 'Auto (system)', light: 'Light', dark: 'Dark' } as const;

export function PageHeader({
  settings,
  update,
}: {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
}) {
  return (
    <header className="top">
      <div className="brand">
        <h1>KD Playground</h1>
        <p className="tagline">
          Knowledge distillation on real MNIST, trained live in your browser: a small student learns
          from a big teacher&apos;s soft targets, beside a twin that sees only hard labels.
        </p>
      </div>
      <div className="top-actions">
        <label className="theme-choice small">
          Theme{' '}
          <select
            value={settings.theme}
            onChange={(e) => update({ theme: e.target.value as Settings['theme'] })}
          >
            {SETTINGS_SCHEMA.theme.options.map((t) => (
              <option key={t} value={t}>
                {THEME_WORDS[t]}
              </option>
            ))}
          </select>
        </label>
        <ShareButton settings={settings} />
      </div>
    </header>
  );
}
